package dev.gatehouse.ui.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * Requests per second now, from the engine's running count of completed requests read once per
 * poll: the difference between the last two readings over the time between them.
 */
final class QpsMeter {

    private long lastCount = -1;
    private Instant lastAt;

    /** The rate since the previous reading; empty for the first one or when the count went back (engine restarted). */
    OptionalDouble next(long count, Instant at) {
        OptionalDouble rate = OptionalDouble.empty();
        if (lastAt != null && count >= lastCount && at.isAfter(lastAt)) {
            double seconds = Duration.between(lastAt, at).toNanos() / 1e9;
            rate = OptionalDouble.of((count - lastCount) / seconds);
        }
        lastCount = count;
        lastAt = at;
        return rate;
    }

    void forget() {
        lastCount = -1;
        lastAt = null;
    }
}
