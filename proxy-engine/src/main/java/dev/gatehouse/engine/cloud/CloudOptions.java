package dev.gatehouse.engine.cloud;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;

/**
 * The client's tunables: its clock (token expiry, signing dates), how it waits between polls and
 * throttling retries (tests advance a clock instead of sleeping), and how often and how many times.
 */
public record CloudOptions(Clock clock, Pauser pauser, Duration pollInterval, int maxThrottleRetries,
                           Duration timeout, Duration renewBefore) {

    /** Waits; the real one parks the thread and wakes early when the operation is cancelled. */
    @FunctionalInterface
    public interface Pauser {
        void pause(Duration duration, Cancellation cancellation, String doing);
    }

    public CloudOptions {
        requireNonNull(clock, "clock");
        requireNonNull(pauser, "pauser");
        requireNonNull(pollInterval, "pollInterval");
        requireNonNull(timeout, "timeout");
        requireNonNull(renewBefore, "renewBefore");
        if (maxThrottleRetries < 0) {
            throw new IllegalArgumentException("maxThrottleRetries must be at least 0, got " + maxThrottleRetries);
        }
    }

    public static CloudOptions defaults() {
        return new CloudOptions(Clock.systemUTC(), (d, c, doing) -> c.pause(d, doing), Duration.ofSeconds(2), 4,
                Duration.ofSeconds(30), Duration.ofMinutes(10));
    }

    public CloudOptions withClock(Clock newClock, Pauser newPauser) {
        return new CloudOptions(newClock, newPauser, pollInterval, maxThrottleRetries, timeout, renewBefore);
    }

    public CloudOptions withPollInterval(Duration interval) {
        return new CloudOptions(clock, pauser, interval, maxThrottleRetries, timeout, renewBefore);
    }
}
