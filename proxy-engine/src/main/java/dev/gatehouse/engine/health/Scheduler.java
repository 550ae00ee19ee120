package dev.gatehouse.engine.health;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task once after a delay; the one thing {@link ActiveHealthChecker} needs from a
 * scheduler, small enough that tests drive it by hand instead of waiting.
 */
@FunctionalInterface
public interface Scheduler {

    /** Schedules {@code task}; cancelling the returned future stops it if it has not run. */
    Future<?> schedule(Runnable task, Duration delay);

    static Scheduler of(ScheduledExecutorService executor) {
        Objects.requireNonNull(executor, "executor");
        return (task, delay) -> executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
}
