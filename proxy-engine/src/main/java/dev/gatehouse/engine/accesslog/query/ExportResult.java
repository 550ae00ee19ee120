package dev.gatehouse.engine.accesslog.query;

/** How an export ended: records written, and whether it was cancelled before the last one. */
public record ExportResult(long records, boolean cancelled) {
}
