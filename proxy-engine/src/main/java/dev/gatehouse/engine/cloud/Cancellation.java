package dev.gatehouse.engine.cloud;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a caller (the wizard's Cancel button) stop a long cloud operation: waits between polls
 * end at once when it is cancelled, and the operation then fails with {@link CloudException.Kind#CANCELLED}.
 */
public final class Cancellation {

    private final CountDownLatch cancelled = new CountDownLatch(1);

    /** A token nobody cancels. */
    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled.countDown();
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** Throws {@link CloudException.Kind#CANCELLED} if cancelled. */
    public void check(String doing) {
        if (isCancelled()) {
            throw new CloudException(CloudException.Kind.CANCELLED, doing + ": cancelled");
        }
    }

    /** Waits {@code duration} or until cancelled, whichever comes first; then {@link #check}s. */
    public void pause(Duration duration, String doing) {
        try {
            cancelled.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudException(CloudException.Kind.CANCELLED, doing + ": interrupted");
        }
        check(doing);
    }
}
