package dev.gatehouse.engine.telemetry;

import java.util.Arrays;

/**
 * The point still open at one resolution: the sum of the increments sampled into it so far
 * (counters and latency buckets), written to its ring after each sample so that the newest point
 * is always visible. A minute point is therefore exactly the sum of its second increments.
 */
final class SeriesWindow {

    private static final int LATENCY_AT = KeyStats.SERIES_COUNTERS;
    private static final int FIRST_TOKEN_AT = KeyStats.SERIES_COUNTERS + LatencyBuckets.COUNT;

    private final Resolution resolution;
    private final SeriesRing ring;
    private final long[] sums = new long[KeyStats.SERIES_WIDTH];
    private final long[] fields = new long[SeriesRing.FIELDS];
    private long openStart = Long.MIN_VALUE;

    SeriesWindow(Resolution resolution) {
        this.resolution = resolution;
        this.ring = new SeriesRing(resolution);
    }

    SeriesRing ring() {
        return ring;
    }

    /** Adds an increment that happened in {@code epochSecond}. */
    void add(long epochSecond, long[] increment) {
        long start = resolution.startOf(epochSecond);
        if (start < openStart) {
            return; // the clock stepped back: the closed point stays as it was
        }
        if (start != openStart) {
            openStart = start;
            Arrays.fill(sums, 0);
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] += increment[i];
        }
        System.arraycopy(sums, 0, fields, 0, KeyStats.SERIES_COUNTERS);
        long[] latency = Arrays.copyOfRange(sums, LATENCY_AT, LATENCY_AT + LatencyBuckets.COUNT);
        long[] firstToken = Arrays.copyOfRange(sums, FIRST_TOKEN_AT, FIRST_TOKEN_AT + LatencyBuckets.COUNT);
        int at = KeyStats.SERIES_COUNTERS;
        fields[at] = LatencyBuckets.quantileNanos(latency, 0.5);
        fields[at + 1] = LatencyBuckets.quantileNanos(latency, 0.99);
        fields[at + 2] = LatencyBuckets.quantileNanos(firstToken, 0.5);
        fields[at + 3] = LatencyBuckets.quantileNanos(firstToken, 0.99);
        ring.put(openStart, fields);
    }
}
