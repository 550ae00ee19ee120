package dev.gatehouse.engine.telemetry;

import java.util.ArrayList;
import java.util.List;

/**
 * A latency histogram at one moment: how many observations, their sum, the usual percentiles
 * (interpolated within {@link LatencyBuckets}, so within a third of the truth), and the
 * cumulative counts at the Prometheus bounds {@link #bucketBoundsSeconds()}.
 *
 * @param cumulativeCounts observations at or below each of {@link #bucketBoundsSeconds()}, in order
 */
public record Distribution(long count, long sumNanos, long p50Nanos, long p90Nanos, long p99Nanos, long p999Nanos,
                           List<Long> cumulativeCounts) {

    private static final List<Double> BOUNDS_SECONDS = computeBounds();

    public Distribution {
        if (count < 0 || sumNanos < 0) {
            throw new IllegalArgumentException("count and sum must be >= 0, got " + count + " and " + sumNanos);
        }
        cumulativeCounts = List.copyOf(cumulativeCounts);
        if (cumulativeCounts.size() != BOUNDS_SECONDS.size()) {
            throw new IllegalArgumentException("cumulativeCounts needs " + BOUNDS_SECONDS.size() + " values, got "
                    + cumulativeCounts.size());
        }
    }

    /** The Prometheus {@code le} bounds in seconds, ascending; {@code +Inf} is implied. */
    public static List<Double> bucketBoundsSeconds() {
        return BOUNDS_SECONDS;
    }

    /** No observations. */
    public static Distribution empty() {
        return of(new long[LatencyBuckets.COUNT], 0);
    }

    /** From the per-bucket counts of {@link LatencyBuckets}. */
    static Distribution of(long[] counts, long sumNanos) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        List<Long> cumulative = new ArrayList<>(BOUNDS_SECONDS.size());
        long running = 0;
        int next = 0;
        for (int index : LatencyBuckets.exposedIndexes()) {
            for (; next <= index; next++) {
                running += counts[next];
            }
            cumulative.add(running);
        }
        return new Distribution(total, sumNanos, LatencyBuckets.quantileNanos(counts, 0.5),
                LatencyBuckets.quantileNanos(counts, 0.9), LatencyBuckets.quantileNanos(counts, 0.99),
                LatencyBuckets.quantileNanos(counts, 0.999), cumulative);
    }

    private static List<Double> computeBounds() {
        List<Double> bounds = new ArrayList<>();
        for (int index : LatencyBuckets.exposedIndexes()) {
            bounds.add(LatencyBuckets.upperNanos(index) / 1e9);
        }
        return List.copyOf(bounds);
    }
}
