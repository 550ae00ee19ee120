package dev.gatehouse.engine.admin;

import dev.gatehouse.engine.accesslog.query.LogQuery;

import static java.util.Objects.requireNonNull;

/** A histogram of the access log: the records to count and the width of its time slots (whole minutes). */
public record HistogramRequest(LogQuery query, long slotMillis) {

    public HistogramRequest {
        requireNonNull(query, "query");
        if (slotMillis < 60_000 || slotMillis % 60_000 != 0) {
            throw new IllegalArgumentException("a histogram slot must be a whole number of minutes (a multiple of"
                    + " 60000 ms), was " + slotMillis + " ms");
        }
    }
}
