package dev.gatehouse.engine.accesslog.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the access log store runs: its file, queue size, how often it commits, how long and how
 * much it keeps, and the clock and listener (tests inject both).
 *
 * @param queueCapacity    records held in memory before new ones are dropped
 * @param commitInterval   the longest a record waits before its transaction commits (kill -9 loses at most this)
 * @param maxBatch         the most records in one transaction
 * @param maxAge           records older than this are deleted
 * @param maxBytes         the database is kept under this size by deleting the oldest records; 0 for no limit
 * @param retentionEvery   how often retention looks for work when it found none
 * @param retentionBatch   the most records retention deletes in one step (writes run between steps)
 */
public record StoreOptions(Path file, int queueCapacity, Duration commitInterval, int maxBatch, Duration maxAge,
                           long maxBytes, Duration retentionEvery, int retentionBatch, Clock clock,
                           StoreListener listener) {

    public StoreOptions {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(listener, "listener");
        if (queueCapacity < 1 || maxBatch < 1 || retentionBatch < 1) {
            throw new IllegalArgumentException("queueCapacity, maxBatch and retentionBatch must be at least 1");
        }
        if (commitInterval.isNegative() || commitInterval.isZero() || commitInterval.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("commitInterval must be between 1 ms and 1 s, was " + commitInterval);
        }
        if (maxAge.isNegative() || maxAge.isZero() || maxBytes < 0 || retentionEvery.isNegative()) {
            throw new IllegalArgumentException("maxAge must be positive, maxBytes and retentionEvery not negative");
        }
    }

    /** 128 Ki records queued, commits every 200 ms, 30 days and 2 GiB kept, retention checked every 10 s. */
    public static StoreOptions defaults(Path file) {
        return new StoreOptions(file, 128 * 1024, Duration.ofMillis(200), 20_000, Duration.ofDays(30),
                2L << 30, Duration.ofSeconds(10), 2_000, Clock.systemUTC(), StoreListener.none());
    }

    public StoreOptions withQueueCapacity(int capacity) {
        return new StoreOptions(file, capacity, commitInterval, maxBatch, maxAge, maxBytes, retentionEvery,
                retentionBatch, clock, listener);
    }

    public StoreOptions withCommitInterval(Duration interval) {
        return new StoreOptions(file, queueCapacity, interval, maxBatch, maxAge, maxBytes, retentionEvery,
                retentionBatch, clock, listener);
    }

    public StoreOptions withRetention(Duration age, long bytes) {
        return new StoreOptions(file, queueCapacity, commitInterval, maxBatch, age, bytes, retentionEvery,
                retentionBatch, clock, listener);
    }

    public StoreOptions withClock(Clock newClock) {
        return new StoreOptions(file, queueCapacity, commitInterval, maxBatch, maxAge, maxBytes, retentionEvery,
                retentionBatch, newClock, listener);
    }

    public StoreOptions withListener(StoreListener newListener) {
        return new StoreOptions(file, queueCapacity, commitInterval, maxBatch, maxAge, maxBytes, retentionEvery,
                retentionBatch, clock, newListener);
    }
}
