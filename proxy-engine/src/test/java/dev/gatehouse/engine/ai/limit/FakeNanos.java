package dev.gatehouse.engine.ai.limit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A nanosecond ticker that moves only when a test advances it. */
final class FakeNanos implements LongSupplier {

    // Not zero, so that nothing relies on time starting at 0.
    private final AtomicLong nanos = new AtomicLong(7_000_000_000_000L);

    @Override
    public long getAsLong() {
        return nanos.get();
    }

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
