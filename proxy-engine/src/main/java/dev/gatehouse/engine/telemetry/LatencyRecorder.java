package dev.gatehouse.engine.telemetry;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A latency histogram written by many event loops at once without locks: one atomic add per
 * observation into a fixed array of {@link LatencyBuckets}, plus the running sum.
 */
final class LatencyRecorder {

    private final AtomicLongArray counts = new AtomicLongArray(LatencyBuckets.COUNT);
    private final LongAdder sumNanos = new LongAdder();

    void record(long nanos) {
        counts.incrementAndGet(LatencyBuckets.indexOf(nanos));
        sumNanos.add(Math.max(0, nanos));
    }

    /** Copies the bucket counts into {@code target} at {@code offset}. */
    void copyCounts(long[] target, int offset) {
        for (int i = 0; i < LatencyBuckets.COUNT; i++) {
            target[offset + i] = counts.get(i);
        }
    }

    Distribution distribution() {
        long[] copy = new long[LatencyBuckets.COUNT];
        copyCounts(copy, 0);
        return Distribution.of(copy, sumNanos.sum());
    }
}
