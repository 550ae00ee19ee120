package dev.gatehouse.engine.telemetry;

import java.util.concurrent.atomic.LongAdder;

/**
 * A latency histogram written by many event loops at once without locks: one add per observation
 * into a fixed array of {@link LatencyBuckets}, plus the running sum. Each bucket is a
 * {@link LongAdder}, so that event loops finishing requests of the same latency at once do not
 * fight over one cache line; an adder only grows cells when that happens.
 */
final class LatencyRecorder {

    private final LongAdder[] counts = new LongAdder[LatencyBuckets.COUNT];
    private final LongAdder sumNanos = new LongAdder();

    LatencyRecorder() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    /** Counts a duration whose bucket ({@link LatencyBuckets#indexOf}) the caller worked out once for every key. */
    void record(int bucket, long nanos) {
        counts[bucket].increment();
        sumNanos.add(nanos);
    }

    /** Copies the bucket counts into {@code target} at {@code offset}. */
    void copyCounts(long[] target, int offset) {
        for (int i = 0; i < LatencyBuckets.COUNT; i++) {
            target[offset + i] = counts[i].sum();
        }
    }

    Distribution distribution() {
        long[] copy = new long[LatencyBuckets.COUNT];
        copyCounts(copy, 0);
        return Distribution.of(copy, sumNanos.sum());
    }
}
