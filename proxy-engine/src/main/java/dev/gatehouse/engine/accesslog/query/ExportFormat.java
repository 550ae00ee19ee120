package dev.gatehouse.engine.accesslog.query;

/** How an export writes records: CSV with a header line, or one JSON object per line. */
public enum ExportFormat {
    CSV, JSON_LINES
}
