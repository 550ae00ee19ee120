package dev.gatehouse.engine.admin;

import dev.gatehouse.engine.telemetry.Resolution;
import dev.gatehouse.engine.telemetry.SeriesFilter;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** Which time series points to read: resolution, the range [from, to) and whose traffic. */
public record SeriesRequest(Resolution resolution, Instant from, Instant to, SeriesFilter filter) {

    public SeriesRequest {
        requireNonNull(resolution, "resolution");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        filter = filter == null ? SeriesFilter.all() : filter;
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
    }
}
