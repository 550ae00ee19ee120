package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.telemetry.Resolution;

import java.time.Duration;

/**
 * The time the dashboard looks at: live (the last 5 or 15 minutes in 1-second points, headline
 * figures "now") or history (the last hour or 24 hours in 1-minute points, headline figures are
 * the range's averages). The engine keeps 15 minutes of seconds and 24 hours of minutes.
 */
public enum DashboardRange {
    LIVE_5_MINUTES("Live · 5 min", Resolution.SECOND, Duration.ofMinutes(5)),
    LIVE_15_MINUTES("Live · 15 min", Resolution.SECOND, Duration.ofMinutes(15)),
    LAST_HOUR("Last hour", Resolution.MINUTE, Duration.ofHours(1)),
    LAST_24_HOURS("Last 24 hours", Resolution.MINUTE, Duration.ofHours(24));

    private final String label;
    private final Resolution resolution;
    private final Duration span;

    DashboardRange(String label, Resolution resolution, Duration span) {
        this.label = label;
        this.resolution = resolution;
        this.span = span;
    }

    public Resolution resolution() {
        return resolution;
    }

    public Duration span() {
        return span;
    }

    /** Live ranges show rates between the last two polls; history ranges show the range's averages. */
    public boolean live() {
        return resolution == Resolution.SECOND;
    }

    @Override
    public String toString() {
        return label;
    }
}
