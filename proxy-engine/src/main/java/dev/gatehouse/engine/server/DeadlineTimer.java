package dev.gatehouse.engine.server;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.TimeUnit;

/**
 * One timer per client connection, shared by its exchanges one after another. Scheduling and
 * cancelling a task costs as much as the rest of a small proxied request, so arming only moves a
 * deadline: the one scheduled task, when it runs, either fires or re-schedules itself for the
 * time left. A keep-alive connection serving short requests thus schedules about one task per
 * timeout period instead of one per request. Confined to the connection's event loop.
 */
final class DeadlineTimer {

    private final EventExecutor executor;
    private ScheduledFuture<?> scheduled;
    private long scheduledFor;
    private long deadline;
    private Runnable onExpire;

    DeadlineTimer(EventExecutor executor) {
        this.executor = executor;
    }

    /** Runs {@code onExpire} at {@code deadlineNanos} (System.nanoTime) unless re-armed or disarmed first. */
    void arm(long deadlineNanos, Runnable onExpire) {
        this.deadline = deadlineNanos;
        this.onExpire = onExpire;
        if (scheduled == null || scheduledFor > deadlineNanos) {
            schedule(deadlineNanos);
        }
    }

    void disarm() {
        onExpire = null;
    }

    /** The connection closed: drop the task so it does not hold the exchange until it runs. */
    void close() {
        onExpire = null;
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
    }

    private void schedule(long at) {
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        scheduledFor = at;
        scheduled = executor.schedule(this::run, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void run() {
        scheduled = null;
        if (onExpire == null) {
            return;
        }
        if (deadline - System.nanoTime() > 0) {
            schedule(deadline);
            return;
        }
        Runnable expired = onExpire;
        onExpire = null;
        expired.run();
    }
}
