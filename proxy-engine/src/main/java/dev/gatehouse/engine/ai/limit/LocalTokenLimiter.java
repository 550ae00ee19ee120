package dev.gatehouse.engine.ai.limit;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Token buckets in memory, one per key, in the form of the generic cell rate algorithm: a bucket
 * is a single "theoretical arrival time" (TAT), the instant at which it would be full again. Taking
 * n permits moves the TAT n refill intervals later; the request fits while the TAT stays within
 * one period of now. One {@code long} per key means a lock-free compare-and-set, no allocation per
 * request, and refill that is plain arithmetic on elapsed time.
 *
 * <p>A bucket whose TAT has passed is full, and a full bucket behaves exactly like a missing one,
 * so idle keys are dropped without losing anything. A sweep does that at most once per sweep
 * interval; memory is bounded by the keys used within the last period plus that interval.
 */
final class LocalTokenLimiter implements TokenLimiter {

    static final long DEFAULT_SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** A bucket that a sweep removed; whoever still holds it looks the key up again. */
    private static final long DEAD = Long.MIN_VALUE;
    /** A new bucket is full: its TAT is long past. */
    private static final long FULL = Long.MIN_VALUE + 1;
    /** Caps an overdraft so that absurd token counts cannot overflow the arithmetic. */
    private static final long MAX_NANOS = Long.MAX_VALUE / 4;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier ticker;
    private final long sweepIntervalNanos;
    private final AtomicLong lastSweep;

    LocalTokenLimiter(LongSupplier ticker, long sweepIntervalNanos) {
        this.ticker = requireNonNull(ticker, "ticker");
        this.sweepIntervalNanos = sweepIntervalNanos;
        this.lastSweep = new AtomicLong(ticker.getAsLong());
    }

    @Override
    public CompletionStage<Decision> tryAcquire(String key, Rate rate, long permits) {
        return CompletableFuture.completedFuture(acquire(key, rate, permits));
    }

    Decision acquire(String key, Rate rate, long permits) {
        requireNonNull(key, "key");
        requireNonNull(rate, "rate");
        if (permits < 0) {
            throw new IllegalArgumentException("permits must not be negative, got " + permits);
        }
        long now = ticker.getAsLong();
        long interval = rate.nanosPerPermit();
        long burst = rate.limit() * interval;
        long cost = permits * interval;
        while (true) {
            Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket());
            long stored = bucket.tat.get();
            if (stored == DEAD) {
                buckets.remove(key, bucket);
                continue;
            }
            long tat = Math.max(stored, now);
            long available = Math.max(0, (burst - (tat - now)) / interval);
            if (permits > rate.limit()) {
                return Decision.refuse(Decision.NEVER, available, rate.limit());
            }
            long backlog = tat - now + cost;
            if (backlog > burst) {
                return Decision.refuse(ceilMillis(backlog - burst), available, rate.limit());
            }
            if (bucket.tat.compareAndSet(stored, tat + cost)) {
                sweepIfDue(now);
                return Decision.allow((burst - backlog) / interval, rate.limit());
            }
        }
    }

    @Override
    public void settle(String key, Rate rate, long reserved, long actual) {
        requireNonNull(key, "key");
        requireNonNull(rate, "rate");
        long difference = actual - reserved;
        if (difference == 0) {
            return;
        }
        long now = ticker.getAsLong();
        long nanos = saturatedMultiply(Math.abs(difference), rate.nanosPerPermit());
        while (true) {
            Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket());
            long stored = bucket.tat.get();
            if (stored == DEAD) {
                buckets.remove(key, bucket);
                continue;
            }
            long tat = Math.max(stored, now);
            // A refund never fills the bucket beyond full; a charge may overdraw it.
            long updated = difference > 0 ? Math.min(tat + nanos, now + MAX_NANOS) : Math.max(now, tat - nanos);
            if (updated == stored || bucket.tat.compareAndSet(stored, updated)) {
                return;
            }
        }
    }

    /** Drops the buckets that are full again; run on the request path at most once per interval. */
    void evictIdle() {
        long now = ticker.getAsLong();
        buckets.forEach((key, bucket) -> {
            long tat = bucket.tat.get();
            if (tat != DEAD && tat <= now && bucket.tat.compareAndSet(tat, DEAD)) {
                buckets.remove(key, bucket);
            }
        });
    }

    int trackedKeys() {
        return buckets.size();
    }

    private void sweepIfDue(long now) {
        long last = lastSweep.get();
        if (now - last >= sweepIntervalNanos && lastSweep.compareAndSet(last, now)) {
            evictIdle();
        }
    }

    private static long ceilMillis(long nanos) {
        return Math.max(1, (nanos + 999_999) / 1_000_000);
    }

    private static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long product = a * b;
        return high != 0 || product < 0 || product > MAX_NANOS ? MAX_NANOS : product;
    }

    private static final class Bucket {
        final AtomicLong tat = new AtomicLong(FULL);
    }
}
