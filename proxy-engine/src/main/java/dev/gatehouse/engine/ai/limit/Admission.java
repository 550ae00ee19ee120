package dev.gatehouse.engine.ai.limit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request's way through the limits: the {@link #verdict()}, and while it was admitted, the
 * permits it holds until {@link #complete} charges its real token count.
 */
public final class Admission {

    private final TokenLimiter limiter;
    private final QuotaLedger quotas;
    private final String consumer;
    private final long reservedTokens;
    private final List<Step> held = new ArrayList<>(4);
    private final AtomicBoolean completed = new AtomicBoolean();
    // Written by whichever thread completes a limiter stage, read later by the event loop.
    private volatile LimitVerdict verdict = LimitVerdict.pass();

    Admission(TokenLimiter limiter, QuotaLedger quotas, String consumer, long reservedTokens) {
        this.limiter = limiter;
        this.quotas = quotas;
        this.consumer = consumer;
        this.reservedTokens = reservedTokens;
    }

    public LimitVerdict verdict() {
        return verdict;
    }

    public boolean admitted() {
        return verdict.passed();
    }

    /** The input tokens reserved from the token-per-minute buckets at the start. */
    public long reservedTokens() {
        return reservedTokens;
    }

    /**
     * Charges what the request really used, input plus output tokens, to its token buckets and the
     * consumer's quotas. When the response's usage is unknown (a stream cut short), pass the best
     * estimate. Only the first call counts; a refused admission has nothing to complete.
     */
    public void complete(long actualTokens) {
        if (!admitted() || !completed.compareAndSet(false, true)) {
            return;
        }
        long actual = Math.max(0, actualTokens);
        for (Step step : held) {
            if (step.tokens()) {
                limiter.settle(step.key(), step.rate(), step.permits(), actual);
            }
        }
        if (consumer != null) {
            quotas.record(consumer, actual);
        }
    }

    void held(Step step, Decision decision) {
        held.add(step);
        if (decision.remaining() < verdict.remaining()) {
            verdict = LimitVerdict.pass(decision.remaining(), decision.limit());
        }
    }

    /** A later limit refused: give back what the earlier ones granted, since the request never ran. */
    void refuse(LimitVerdict refusal) {
        for (Step step : held) {
            limiter.settle(step.key(), step.rate(), step.permits(), 0);
        }
        held.clear();
        verdict = refusal;
    }

    /** One bucket to take permits from: a request ({@code tokens} false) or its input tokens. */
    record Step(LimitCheck check, String key, Rate rate, long permits, boolean tokens) {
    }
}
