package dev.gatehouse.engine.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that a test sets and advances, for code that takes an injected {@link Clock}. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(String instant) {
        this(Instant.parse(instant));
    }

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void set(String instant) {
        now = Instant.parse(instant);
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
