package dev.gatehouse.engine.admin;

import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.engine.accesslog.query.SlotCounts;

import static java.util.Objects.requireNonNull;

/** A histogram of the access log: the records to count and the width of its time slots (whole minutes). */
public record HistogramRequest(LogQuery query, long slotMillis) {

    public HistogramRequest {
        requireNonNull(query, "query");
        SlotCounts.requireWholeMinutes(slotMillis);
    }
}
