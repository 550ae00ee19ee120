package dev.gatehouse.engine.cloud;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code limit} calls in any sliding {@code window}, on an injected clock. Guards the
 * ModelArts host-endpoint lookup, which the cloud allows 2,000 times a minute per account and 20
 * per sub-account (seed 000): the gateway's own calls must never be the reason it is throttled.
 */
public final class CallLimiter {

    /** The documented limit for a sub-account (IAM user), the stricter of the two. */
    public static final int HOST_ENDPOINTS_PER_MINUTE_SUB_ACCOUNT = 20;
    /** The documented limit for a main account. */
    public static final int HOST_ENDPOINTS_PER_MINUTE_ACCOUNT = 2_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> calls = new ArrayDeque<>();

    public CallLimiter(int limit, Duration window, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** The host-endpoint lookup's limit for a sub-account. */
    public static CallLimiter hostEndpoints(Clock clock) {
        return new CallLimiter(HOST_ENDPOINTS_PER_MINUTE_SUB_ACCOUNT, Duration.ofMinutes(1), clock);
    }

    /** Takes a permit if one is free now. */
    public synchronized boolean tryAcquire() {
        Instant now = clock.instant();
        expire(now);
        if (calls.size() >= limit) {
            return false;
        }
        calls.addLast(now);
        return true;
    }

    /** How long until a permit is free (zero when one is). */
    public synchronized Duration untilNextPermit() {
        Instant now = clock.instant();
        expire(now);
        return calls.size() < limit ? Duration.ZERO : Duration.between(now, calls.peekFirst().plus(window));
    }

    public int limit() {
        return limit;
    }

    private void expire(Instant now) {
        while (!calls.isEmpty() && !calls.peekFirst().plus(window).isAfter(now)) {
            calls.removeFirst();
        }
    }
}
