package dev.gatehouse.engine.accesslog.query;

import dev.gatehouse.engine.accesslog.AccessRecord;
import dev.gatehouse.engine.accesslog.store.Schema;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Reads access_log rows selected as {@link #SELECT} back into records. */
final class RowMapper {

    /** Every column, id first, then {@link Schema#COLUMNS} in order (followed by {@link SqlFilter#from()}). */
    static final String SELECT = "SELECT id, " + String.join(", ", Schema.COLUMNS);

    private RowMapper() {
    }

    static LogEntry entry(ResultSet row) throws SQLException {
        long startMicros = row.getLong(2);
        Instant start = Instant.ofEpochSecond(Math.floorDiv(startMicros, 1_000_000L),
                Math.floorMod(startMicros, 1_000_000L) * 1_000L);
        AccessRecord record = new AccessRecord(row.getString(3), row.getString(4), start, row.getString(5),
                row.getString(6), row.getString(7), row.getString(9), row.getString(10), row.getString(14),
                row.getString(15), row.getString(16), row.getInt(18), row.getString(19), row.getLong(21) * 1_000,
                nanos(row, 24), row.getLong(25), row.getLong(26), row.getString(27), row.getString(28),
                row.getString(29), row.getLong(30), row.getLong(31), row.getInt(32) != 0, nanos(row, 33),
                nanos(row, 34), row.getString(35), row.getString(36), row.getString(37), row.getString(38),
                row.getString(39), row.getString(8), nanos(row, 22), nanos(row, 23), row.getString(20),
                row.getString(17), row.getString(11), row.getString(12), row.getString(13));
        return new LogEntry(row.getLong(1), record);
    }

    /** Microseconds in the row, nanoseconds in the record; null (does not apply) is -1. */
    private static long nanos(ResultSet row, int column) throws SQLException {
        long micros = row.getLong(column);
        return row.wasNull() ? -1 : micros * 1_000;
    }
}
