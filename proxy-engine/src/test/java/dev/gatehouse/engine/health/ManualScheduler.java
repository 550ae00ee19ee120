package dev.gatehouse.engine.health;

import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/** A {@link Scheduler} whose tasks run on the test thread when the test advances time. */
final class ManualScheduler implements Scheduler {

    private record Task(long dueNanos, long seq, Runnable action, CompletableFuture<Void> handle) {
    }

    private final FakeTicker ticker;
    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            Comparator.comparingLong(Task::dueNanos).thenComparingLong(Task::seq));
    private long seq;

    ManualScheduler(FakeTicker ticker) {
        this.ticker = ticker;
    }

    @Override
    public Future<?> schedule(Runnable task, Duration delay) {
        CompletableFuture<Void> handle = new CompletableFuture<>();
        queue.add(new Task(ticker.nanos() + delay.toNanos(), seq++, task, handle));
        return handle;
    }

    /** Moves time forward by {@code duration}, running each task that falls due, in order. */
    void advance(Duration duration) {
        long end = ticker.nanos() + duration.toNanos();
        while (!queue.isEmpty() && queue.peek().dueNanos() <= end) {
            Task task = queue.poll();
            if (task.handle().isCancelled()) {
                continue;
            }
            ticker.advanceTo(task.dueNanos());
            task.action().run();
            task.handle().complete(null);
        }
        ticker.advanceTo(end);
    }

    /** Tasks scheduled and neither run nor cancelled. */
    long pending() {
        return queue.stream().filter(t -> !t.handle().isCancelled()).count();
    }
}
