package dev.gatehouse.engine.telemetry;

import java.util.Arrays;

/**
 * The fixed buckets every latency histogram uses: ten per decade (1, 1.25, 1.5, 2, 2.5, 3, 4, 5,
 * 6, 8) from 0.1 ms to 1000 s, so that a percentile read from them is within a third of the truth
 * and a histogram is a fixed array. Every third bound (1, 2.5, 5 per decade) is also a Prometheus
 * {@code le} bucket: cumulative counts there are exact.
 */
public final class LatencyBuckets {

    private static final long[] MANTISSAS = {100, 125, 150, 200, 250, 300, 400, 500, 600, 800};
    private static final long FIRST_DECADE_NANOS = 1_000;   // 100 x 1000 ns = 0.1 ms
    private static final int DECADES = 7;                   // 0.1 ms .. 1000 s

    /** Upper bounds in nanoseconds; a last, unbounded bucket follows them. */
    private static final long[] UPPER_NANOS = upperBounds();
    private static final int[] EXPOSED = computeExposed();

    /** Number of buckets, the unbounded last one included. */
    public static final int COUNT = UPPER_NANOS.length + 1;

    private LatencyBuckets() {
    }

    /** The bucket of a duration: the first whose upper bound is at least {@code nanos}. */
    static int indexOf(long nanos) {
        int found = Arrays.binarySearch(UPPER_NANOS, Math.max(0, nanos));
        return found >= 0 ? found : -found - 1;
    }

    /** The upper bound of bucket {@code index} in nanoseconds; {@code Long.MAX_VALUE} for the last. */
    static long upperNanos(int index) {
        return index < UPPER_NANOS.length ? UPPER_NANOS[index] : Long.MAX_VALUE;
    }

    static long lowerNanos(int index) {
        return index == 0 ? 0 : UPPER_NANOS[index - 1];
    }

    /** The indexes of the buckets exposed as Prometheus {@code le} bounds, ascending. */
    static int[] exposedIndexes() {
        return EXPOSED.clone();
    }

    private static int[] computeExposed() {
        int[] exposed = new int[DECADES * 3 + 1];
        int n = 0;
        for (int i = 0; i < UPPER_NANOS.length; i++) {
            long mantissa = MANTISSAS[i % MANTISSAS.length];
            if (i == UPPER_NANOS.length - 1 || mantissa == 100 || mantissa == 250 || mantissa == 500) {
                exposed[n++] = i;
            }
        }
        return exposed;
    }

    /**
     * The value below which {@code quantile} of the observations fall, interpolated linearly in
     * its bucket; 0 without observations. In the unbounded bucket, its lower bound.
     */
    static long quantileNanos(long[] counts, double quantile) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        if (total == 0) {
            return 0;
        }
        double rank = quantile * total;
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && seen + counts[i] >= rank) {
                long lower = lowerNanos(i);
                if (i == UPPER_NANOS.length) {
                    return lower;
                }
                double within = (rank - seen) / counts[i];
                return lower + Math.round(within * (upperNanos(i) - lower));
            }
            seen += counts[i];
        }
        return lowerNanos(counts.length - 1);
    }

    private static long[] upperBounds() {
        long[] bounds = new long[DECADES * MANTISSAS.length + 1];
        long scale = FIRST_DECADE_NANOS;
        for (int decade = 0; decade < DECADES; decade++, scale *= 10) {
            for (int m = 0; m < MANTISSAS.length; m++) {
                bounds[decade * MANTISSAS.length + m] = MANTISSAS[m] * scale;
            }
        }
        bounds[bounds.length - 1] = MANTISSAS[0] * scale;
        return bounds;
    }
}
