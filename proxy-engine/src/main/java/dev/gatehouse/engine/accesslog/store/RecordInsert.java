package dev.gatehouse.engine.accesslog.store;

import dev.gatehouse.engine.accesslog.AccessRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * Writes {@link AccessRecord}s as access_log rows (columns in {@link Schema#COLUMNS} order) and
 * their words (path, user agent, errors, trace and request id) into the full-text index under the
 * same ids, which the writer hands out. Rows go {@link #ROWS} to a statement: each run of a
 * statement has a fixed cost (JNI calls, the VM's start and reset) that one row per statement paid
 * for every record; the few left over at the end of a batch go one by one.
 */
final class RecordInsert implements AutoCloseable {

    /** Rows per multi-row statement (39 parameters each: 2,496 of SQLite's 32,766 per statement). */
    static final int ROWS = 64;

    private static final String TEXT_COLUMNS = "access_log_text (rowid, path, user_agent, errors, trace_id, request_id)";

    private final PreparedStatement insertMany;
    private final PreparedStatement textMany;
    private final PreparedStatement insertOne;
    private final PreparedStatement textOne;
    private long lastId;

    RecordInsert(Connection connection) throws SQLException {
        String into = "INSERT INTO access_log (id, " + String.join(", ", Schema.COLUMNS) + ") VALUES ";
        String row = "(?" + ", ?".repeat(Schema.COLUMNS.size()) + ")";
        String textInto = "INSERT INTO " + TEXT_COLUMNS + " VALUES ";
        String textRow = "(?, ?, ?, ?, ?, ?)";
        this.insertMany = connection.prepareStatement(into + values(row, ROWS));
        this.textMany = connection.prepareStatement(textInto + values(textRow, ROWS));
        this.insertOne = connection.prepareStatement(into + row);
        this.textOne = connection.prepareStatement(textInto + textRow);
        try (var statement = connection.createStatement();
             var max = statement.executeQuery("SELECT coalesce(max(id), 0) FROM access_log")) {
            lastId = max.next() ? max.getLong(1) : 0;
        }
    }

    private static String values(String row, int rows) {
        return row + (", " + row).repeat(rows - 1);
    }

    /** After a rolled back batch: the ids it used are free again. */
    void rewind(long id) {
        lastId = id;
    }

    long lastId() {
        return lastId;
    }

    /** Microseconds since the epoch: the unit of {@code start_us} and of every time filter. */
    static long epochMicros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    /** Writes the records, in order, with consecutive ids. */
    void insert(List<AccessRecord> records) throws SQLException {
        int n = 0;
        for (; n + ROWS <= records.size(); n += ROWS) {
            for (int row = 0; row < ROWS; row++) {
                bind(insertMany, textMany, row, records.get(n + row));
            }
            insertMany.executeUpdate();
            textMany.executeUpdate();
        }
        for (; n < records.size(); n++) {
            bind(insertOne, textOne, 0, records.get(n));
            insertOne.executeUpdate();
            textOne.executeUpdate();
        }
    }

    /** Binds one record as row {@code row} (from 0) of both statements. */
    private void bind(PreparedStatement insert, PreparedStatement text, int row, AccessRecord r) throws SQLException {
        long id = ++lastId;
        int i = row * (Schema.COLUMNS.size() + 1);
        insert.setLong(++i, id);
        insert.setLong(++i, epochMicros(r.startTime()));
        bind(insert, ++i, r.requestId());
        bind(insert, ++i, r.traceId());
        bind(insert, ++i, r.method());
        bind(insert, ++i, r.path());
        bind(insert, ++i, r.authority());
        bind(insert, ++i, r.protocol());
        bind(insert, ++i, r.clientIp());
        bind(insert, ++i, r.userAgent());
        bind(insert, ++i, r.xForwardedFor());
        bind(insert, ++i, r.downstreamLocalAddress());
        bind(insert, ++i, r.downstreamRemoteAddress());
        bind(insert, ++i, r.route());
        bind(insert, ++i, r.upstreamCluster());
        bind(insert, ++i, r.upstreamHost());
        bind(insert, ++i, r.upstreamLocalAddress());
        insert.setInt(++i, r.responseCode());
        bind(insert, ++i, r.responseCodeDetails());
        bind(insert, ++i, r.upstreamTransportFailureReason());
        insert.setLong(++i, Math.max(0, r.durationNanos() / 1_000));
        micros(insert, ++i, r.requestDurationNanos());
        micros(insert, ++i, r.responseTxNanos());
        micros(insert, ++i, r.upstreamServiceNanos());
        insert.setLong(++i, r.bytesReceived());
        insert.setLong(++i, r.bytesSent());
        bind(insert, ++i, r.api());
        bind(insert, ++i, r.model());
        bind(insert, ++i, r.consumer());
        insert.setLong(++i, r.inputTokens());
        insert.setLong(++i, r.outputTokens());
        insert.setInt(++i, r.tokensEstimated() ? 1 : 0);
        micros(insert, ++i, r.firstTokenNanos());
        micros(insert, ++i, r.serviceNanos());
        bind(insert, ++i, r.responseType());
        bind(insert, ++i, r.cacheStatus());
        bind(insert, ++i, r.fallbackFrom());
        bind(insert, ++i, r.safecheckStatus());
        bind(insert, ++i, r.tokenRatelimitStatus());

        int t = row * 6;
        text.setLong(++t, id);
        bind(text, ++t, r.path());
        bind(text, ++t, r.userAgent());
        bind(text, ++t, errors(r));
        bind(text, ++t, r.traceId());
        bind(text, ++t, r.requestId());
    }

    /** The error words of a record: its response code details unless plain "via_upstream", and its transport failure. */
    private static String errors(AccessRecord r) {
        String details = "via_upstream".equals(r.responseCodeDetails()) ? null : r.responseCodeDetails();
        String failure = r.upstreamTransportFailureReason();
        return details == null ? failure : failure == null ? details : details + " " + failure;
    }

    private static void bind(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    /** Negative means "does not apply" in the record, and null in the row. */
    private static void micros(PreparedStatement insert, int index, long nanos) throws SQLException {
        if (nanos < 0) {
            insert.setNull(index, Types.BIGINT);
        } else {
            insert.setLong(index, nanos / 1_000);
        }
    }

    @Override
    public void close() throws SQLException {
        insertMany.close();
        textMany.close();
        insertOne.close();
        textOne.close();
    }
}
