package dev.gatehouse.engine.accesslog.query;

import java.util.List;

/**
 * A page of records, newest first, and the cursor for the next one (null when this is the last).
 */
public record LogPage(List<LogEntry> entries, LogCursor next) {

    public LogPage {
        entries = List.copyOf(entries);
    }
}
