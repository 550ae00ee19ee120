package dev.gatehouse.engine.admin;

import dev.gatehouse.engine.accesslog.query.LogCursor;
import dev.gatehouse.engine.accesslog.query.LogQuery;

import static java.util.Objects.requireNonNull;

/** A page of access log records: the filter, where the previous page ended (null: newest first) and how many. */
public record LogPageRequest(LogQuery query, LogCursor after, int size) {

    public LogPageRequest {
        requireNonNull(query, "query");
    }

    public static LogPageRequest first(LogQuery query, int size) {
        return new LogPageRequest(query, null, size);
    }
}
