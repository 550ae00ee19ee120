package dev.gatehouse.engine.ai.limit;

import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * Rate limits for requests and tokens, per key ({@code consumer:alice#tpm}, {@code route:chat#rpm}).
 *
 * <p>Asynchronous because a limiter shared by a cluster of gateways (a Redis script, as Higress
 * does) answers over the network, and the request path runs on an event loop that must not wait
 * for it. The {@link #local local} limiter returns already completed stages, so dependent actions
 * run at once on the caller's thread and the request path pays no thread hop; a remote limiter
 * completes on its client's thread, and the caller hops back to its event loop.
 *
 * <p>Time is the limiter's own: the local one reads an injected nanosecond ticker, a cluster one
 * would use its server's clock, since this JVM's {@code nanoTime} means nothing to other nodes.
 */
public interface TokenLimiter {

    /**
     * Takes {@code permits} from the key's bucket if it holds that many, else takes nothing. A
     * bucket driven below zero by {@link #settle} refuses everything until it has refilled.
     */
    CompletionStage<Decision> tryAcquire(String key, Rate rate, long permits);

    /**
     * Corrects an earlier reservation once the real cost is known (the tokens a response actually
     * used): charges {@code actual - reserved} more, or refunds the difference. A charge is never
     * refused and may leave the bucket below zero, which delays the key's next requests by the
     * time the overdraft takes to refill; that is how a response longer than anyone could
     * estimate still counts against the limit. Fire and forget: nothing waits for it.
     */
    void settle(String key, Rate rate, long reserved, long actual);

    /** A limiter for this process alone: token buckets in memory, idle keys forgotten. */
    static TokenLimiter local(LongSupplier nanoTicker) {
        return new LocalTokenLimiter(nanoTicker, LocalTokenLimiter.DEFAULT_SWEEP_INTERVAL_NANOS);
    }
}
