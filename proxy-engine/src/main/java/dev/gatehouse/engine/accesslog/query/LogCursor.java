package dev.gatehouse.engine.accesslog.query;

/**
 * Where a page of records ended: the last record's start time (epoch microseconds) and row id.
 * The next page holds the records strictly before it, newest first, so records inserted
 * meanwhile never shift a page: nothing is shown twice and nothing is skipped.
 */
public record LogCursor(long startMicros, long id) {
}
