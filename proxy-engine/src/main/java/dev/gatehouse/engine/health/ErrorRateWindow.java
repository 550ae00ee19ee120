package dev.gatehouse.engine.health;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Success and failure counts over a sliding time window, kept in {@value #BUCKETS} buckets of
 * window/{@value #BUCKETS} each. Recording is lock-free (one array read and one atomic add in the
 * common case) because every request on every event loop records its outcome here.
 *
 * <p>The window slides a bucket at a time, so an outcome is forgotten between 90% and 100% of the
 * window after it was recorded.
 */
final class ErrorRateWindow {

    static final int BUCKETS = 10;

    /** Successes live in the high 32 bits of a bucket's count, failures in the low 32 bits. */
    private static final long ONE_SUCCESS = 1L << 32;
    private static final long ONE_FAILURE = 1L;

    /** One bucket's counts; {@code epoch} is the bucket's start time divided by its width. */
    private record Bucket(long epoch, AtomicLong counts) {
        Bucket(long epoch) {
            this(epoch, new AtomicLong());
        }
    }

    /** Counts seen in the window at one moment. */
    record Counts(long successes, long failures) {
        long total() {
            return successes + failures;
        }

        /** Failures over all outcomes, 0 when there were none. */
        double errorRate() {
            long total = total();
            return total == 0 ? 0.0 : (double) failures / total;
        }
    }

    private final Ticker ticker;
    private final long bucketNanos;
    private final AtomicReferenceArray<Bucket> buckets = new AtomicReferenceArray<>(BUCKETS);

    ErrorRateWindow(Duration window, Ticker ticker) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        long windowNanos = Objects.requireNonNull(window, "window").toNanos();
        if (windowNanos < BUCKETS) {
            throw new IllegalArgumentException("window too short: " + window);
        }
        this.bucketNanos = windowNanos / BUCKETS;
    }

    void record(boolean success) {
        long epoch = Math.floorDiv(ticker.nanos(), bucketNanos);
        int index = (int) Math.floorMod(epoch, (long) BUCKETS);
        Bucket bucket = buckets.get(index);
        while (bucket == null || bucket.epoch() < epoch) {
            Bucket fresh = new Bucket(epoch);
            if (buckets.compareAndSet(index, bucket, fresh)) {
                bucket = fresh;
            } else {
                bucket = buckets.get(index);
            }
        }
        bucket.counts().addAndGet(success ? ONE_SUCCESS : ONE_FAILURE);
    }

    Counts counts() {
        long current = Math.floorDiv(ticker.nanos(), bucketNanos);
        long successes = 0;
        long failures = 0;
        for (int i = 0; i < BUCKETS; i++) {
            Bucket bucket = buckets.get(i);
            if (bucket != null && bucket.epoch() > current - BUCKETS && bucket.epoch() <= current) {
                long packed = bucket.counts().get();
                successes += packed >>> 32;
                failures += packed & 0xFFFF_FFFFL;
            }
        }
        return new Counts(successes, failures);
    }

    double errorRate() {
        return counts().errorRate();
    }

    long total() {
        return counts().total();
    }

    /** Forgets everything; an outcome recorded concurrently may be lost, which is harmless here. */
    void reset() {
        for (int i = 0; i < BUCKETS; i++) {
            buckets.set(i, null);
        }
    }
}
