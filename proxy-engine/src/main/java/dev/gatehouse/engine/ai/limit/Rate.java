package dev.gatehouse.engine.ai.limit;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * A rate limit: at most {@code limit} permits (requests or tokens) per {@code period}, with bursts
 * of up to {@code limit}. Passed with every call rather than configured per key, so a config
 * reload changes a limit without touching limiter state, and a cluster limiter can hand it to
 * its server-side script as an argument.
 */
public record Rate(long limit, Duration period) {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    public Rate {
        requireNonNull(period, "period");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, got " + period);
        }
        if (limit > period.toNanos()) {
            // One permit per nanosecond is the finest rate the local limiter can represent.
            throw new IllegalArgumentException("limit " + limit + " per " + period + " is too fine");
        }
    }

    public static Rate perMinute(long limit) {
        return new Rate(limit, MINUTE);
    }

    /**
     * Nanoseconds in which one permit refills. Rounded down, so the refill is at most one
     * nanosecond per permit fast: 0.0017% for a 100,000 tokens-per-minute limit.
     */
    long nanosPerPermit() {
        return period.toNanos() / limit;
    }
}
