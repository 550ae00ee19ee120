package dev.gatehouse.engine.upstream;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Exponentially weighted moving average of an endpoint's response latency, updated lock-free
 * from any event loop. Stored as the bits of a double in one atomic long.
 */
public final class LatencyEwma {

    /** Weight of a new sample; 0.2 follows a change within a handful of requests. */
    static final double ALPHA = 0.2;

    private final AtomicLong bits = new AtomicLong(Double.doubleToRawLongBits(Double.NaN));

    public void record(long nanos) {
        double sample = nanos;
        long prev;
        long next;
        do {
            prev = bits.get();
            double old = Double.longBitsToDouble(prev);
            double value = Double.isNaN(old) ? sample : old + ALPHA * (sample - old);
            next = Double.doubleToRawLongBits(value);
        } while (!bits.compareAndSet(prev, next));
    }

    /** The current average in nanoseconds, or {@code NaN} before the first sample. */
    public double nanos() {
        return Double.longBitsToDouble(bits.get());
    }
}
