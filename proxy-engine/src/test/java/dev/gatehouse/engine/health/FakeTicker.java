package dev.gatehouse.engine.health;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link Ticker} that moves only when a test advances it. */
final class FakeTicker implements Ticker {

    // Not zero, so that nothing relies on time starting at 0.
    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);

    @Override
    public long nanos() {
        return nanos.get();
    }

    FakeTicker advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
        return this;
    }

    void advanceTo(long readingNanos) {
        nanos.set(readingNanos);
    }
}
