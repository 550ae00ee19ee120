package dev.gatehouse.engine.ai.limit;

import dev.gatehouse.engine.ai.auth.ConsumerLimits;

import java.time.Clock;
import java.util.concurrent.CompletionStage;

/**
 * Counts each consumer's tokens per calendar day and month (UTC) against their quotas. Checked
 * before a request, recorded after it; asynchronous for the same reason as {@link TokenLimiter}:
 * a ledger shared by a cluster lives behind a network call.
 *
 * <p>The check admits a request while the tokens used so far plus its estimate fit the quota, so
 * requests in flight together can overrun it by their own size; the overrun counts, and the
 * consumer is refused until the period resets.
 */
public interface QuotaLedger {

    /** {@link LimitVerdict#pass()}, or refused by {@link LimitCheck#QUOTA_DAY} or {@link LimitCheck#QUOTA_MONTH} until the period resets. */
    CompletionStage<LimitVerdict> check(String consumer, ConsumerLimits limits, long estimatedTokens);

    /** Adds the tokens a finished request used. Fire and forget. */
    void record(String consumer, long tokens);

    /**
     * Adds what a consumer used earlier in this day and month, before this process started (read
     * back from the access log), so that a restart does not hand out a fresh quota. A ledger
     * shared by a cluster keeps its own totals and ignores this.
     */
    default void carryOver(QuotaUsage usage) {
    }

    /** A ledger in this process's memory, periods from {@code clock} in UTC. */
    static QuotaLedger local(Clock clock) {
        return new LocalQuotaLedger(clock);
    }
}
