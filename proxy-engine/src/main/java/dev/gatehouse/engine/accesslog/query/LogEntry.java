package dev.gatehouse.engine.accesslog.query;

import dev.gatehouse.engine.accesslog.AccessRecord;

import java.util.Objects;

/** One stored record with its row id (durations come back in whole microseconds). */
public record LogEntry(long id, AccessRecord record) {

    public LogEntry {
        Objects.requireNonNull(record, "record");
    }

    /** The start time as stored: microseconds since the epoch, the unit of {@link LogCursor}. */
    public long startMicros() {
        return record.startTime().getEpochSecond() * 1_000_000L + record.startTime().getNano() / 1_000;
    }
}
