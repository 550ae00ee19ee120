package dev.gatehouse.engine.telemetry.backend;

import dev.gatehouse.engine.health.Scheduler;
import dev.gatehouse.engine.testing.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/** A {@link Scheduler} on a {@link MutableClock}: due tasks run on the test thread when the test moves time. */
final class StepScheduler implements Scheduler {

    private record Task(Instant due, long seq, Runnable action, CompletableFuture<Void> handle) {
    }

    private final MutableClock clock;
    private final List<Task> tasks = new ArrayList<>();
    private long seq;

    StepScheduler(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Future<?> schedule(Runnable task, Duration delay) {
        CompletableFuture<Void> handle = new CompletableFuture<>();
        tasks.add(new Task(clock.instant().plus(delay), seq++, task, handle));
        return handle;
    }

    /** Moves the clock forward by {@code duration}, running each task at the time it falls due. */
    void advance(Duration duration) {
        Instant end = clock.instant().plus(duration);
        Task next;
        while ((next = nextDue(end)) != null) {
            if (next.due().isAfter(clock.instant())) {
                clock.advance(Duration.between(clock.instant(), next.due()));
            }
            if (!next.handle().isCancelled()) {
                next.action().run();
                next.handle().complete(null);
            }
        }
        clock.advance(Duration.between(clock.instant(), end));
    }

    private synchronized Task nextDue(Instant end) {
        Task first = tasks.stream().filter(t -> !t.due().isAfter(end))
                .min(Comparator.comparing(Task::due).thenComparingLong(Task::seq)).orElse(null);
        tasks.remove(first);
        return first;
    }

    /** Tasks waiting to run and not cancelled. */
    synchronized long pending() {
        return tasks.stream().filter(t -> !t.handle().isCancelled()).count();
    }
}
