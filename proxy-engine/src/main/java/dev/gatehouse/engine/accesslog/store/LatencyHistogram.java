package dev.gatehouse.engine.accesslog.store;

import java.io.ByteArrayOutputStream;

/**
 * Counts of durations (microseconds) in log-linear buckets, 8 per power of two, so a percentile
 * read from it is within about 6 % of the true value; small enough to keep one per minute and
 * dimension in the rollup, and mergeable by adding counts. Stored as varint pairs of (bucket gap,
 * count), only the buckets in use. Not thread-safe.
 */
public final class LatencyHistogram {

    private static final int EXACT = 16;
    private static final int SUB_BITS = 3;
    private static final int BUCKETS = EXACT + (64 - 4) * (1 << SUB_BITS);

    private final long[] counts = new long[BUCKETS];
    private long total;

    public void record(long micros) {
        counts[bucketOf(Math.max(0, micros))]++;
        total++;
    }

    /** Adds the counts of a histogram written by {@link #toBytes()}. */
    public void addBytes(byte[] bytes) {
        int[] position = {0};
        int bucket = 0;
        while (position[0] < bytes.length) {
            bucket += (int) readVarint(bytes, position);
            long count = readVarint(bytes, position);
            counts[bucket] += count;
            total += count;
        }
    }

    public long total() {
        return total;
    }

    /** The duration below which {@code quantile} (0..1) of the recorded ones lie, in microseconds; 0 when empty. */
    public double percentile(double quantile) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return middleOf(i);
            }
        }
        return middleOf(BUCKETS - 1);
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        int previous = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (counts[i] != 0) {
                writeVarint(out, i - previous);
                writeVarint(out, counts[i]);
                previous = i;
            }
        }
        return out.toByteArray();
    }

    static int bucketOf(long micros) {
        if (micros < EXACT) {
            return (int) micros;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(micros);
        int sub = (int) (micros >>> (exponent - SUB_BITS)) & ((1 << SUB_BITS) - 1);
        return EXACT + (exponent - 4) * (1 << SUB_BITS) + sub;
    }

    private static double middleOf(int bucket) {
        if (bucket < EXACT) {
            return bucket;
        }
        int exponent = (bucket - EXACT) / (1 << SUB_BITS) + 4;
        int sub = (bucket - EXACT) % (1 << SUB_BITS);
        double width = Math.pow(2, exponent - SUB_BITS);
        return ((1 << SUB_BITS) + sub + 0.5) * width;
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static long readVarint(byte[] bytes, int[] position) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            if (position[0] >= bytes.length || shift > 63) {
                throw new IllegalArgumentException("truncated or malformed latency histogram");
            }
            byte b = bytes[position[0]++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
    }
}
