package dev.gatehouse.engine.ai.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that a test sets and advances. */
final class MutableClock extends Clock {

    private volatile Instant now;

    MutableClock(String instant) {
        this.now = Instant.parse(instant);
    }

    void set(String instant) {
        now = Instant.parse(instant);
    }

    void advance(Duration duration) {
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
