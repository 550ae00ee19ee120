package dev.gatehouse.engine.ai;

import java.time.Duration;
import java.util.List;

/**
 * The order of tries for one AI request: the route's own target, then each fallback target, each
 * tried {@code 1 + retries} times. Retries of the same target wait (the route's backoff, or
 * longer when the upstream said so in {@code Retry-After}); moving to another target does not,
 * since a different pool has no reason to be busy. Mutable, one per request.
 */
public final class AttemptPlan {

    private final List<AiTarget> targets;
    private final int retries;
    private final long backoffMillis;
    private final long maxWaitMillis;
    private int index;
    private int triesOnTarget;

    /** @param maxWait the longest a retry may wait (an upstream's Retry-After beyond it is not honoured here) */
    public AttemptPlan(List<AiTarget> targets, int retries, Duration backoff, Duration maxWait) {
        this.targets = List.copyOf(targets);
        this.retries = retries;
        this.backoffMillis = backoff.toMillis();
        this.maxWaitMillis = maxWait.toMillis();
    }

    public AiTarget current() {
        return targets.get(index);
    }

    /** Whether the current try is on a fallback target rather than the route's own. */
    public boolean fallingBack() {
        return index > 0;
    }

    /** The pool the request was meant for, recorded as {@code fallback_from} when another one serves it. */
    public String primaryPool() {
        return targets.get(0).pool();
    }

    public boolean hasNext() {
        return triesOnTarget < retries || index + 1 < targets.size();
    }

    /**
     * Moves to the next try.
     *
     * @param retryAfterMillis the failed upstream's Retry-After, or -1
     * @return milliseconds to wait before it (0: at once), or -1 when no try is left
     */
    public long advance(long retryAfterMillis) {
        if (triesOnTarget < retries) {
            triesOnTarget++;
            return Math.min(Math.max(backoffMillis, retryAfterMillis), maxWaitMillis);
        }
        if (index + 1 < targets.size()) {
            index++;
            triesOnTarget = 0;
            return 0;
        }
        return -1;
    }
}
