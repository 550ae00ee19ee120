package dev.gatehouse.engine.admin;

import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.engine.accesslog.query.TopDimension;
import dev.gatehouse.engine.accesslog.query.TopOrder;

import static java.util.Objects.requireNonNull;

/** A top-N list over the access log: the records to count, what to rank and by what, and how many. */
public record TopRequest(LogQuery query, TopDimension by, TopOrder order, int limit) {

    public TopRequest {
        requireNonNull(query, "query");
        requireNonNull(by, "by");
        order = order == null ? TopOrder.REQUESTS : order;
    }
}
