package dev.gatehouse.engine.telemetry;

import java.time.Duration;

/** The two time series resolutions the dashboard reads: per second for 15 minutes, per minute for 24 hours. */
public enum Resolution {
    SECOND(1, 15 * 60),
    MINUTE(60, 24 * 60);

    private final int stepSeconds;
    private final int points;

    Resolution(int stepSeconds, int points) {
        this.stepSeconds = stepSeconds;
        this.points = points;
    }

    /** The width of one point. */
    public Duration step() {
        return Duration.ofSeconds(stepSeconds);
    }

    /** How many points are kept: the ring's fixed size. */
    public int points() {
        return points;
    }

    int stepSeconds() {
        return stepSeconds;
    }

    /** The start of the point that holds {@code epochSecond}. */
    long startOf(long epochSecond) {
        return epochSecond - Math.floorMod(epochSecond, stepSeconds);
    }
}
