package dev.gatehouse.engine.accesslog.query;

import dev.gatehouse.engine.accesslog.store.AccessLogStore;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The log explorer's questions over an {@link AccessLogStore}: pages of records newest first
 * (keyset pagination), per-minute aggregates, top-N and exports. Each call runs on the caller's
 * thread on a read connection of its own (never the writer's), so call it off any event loop.
 * Safe for concurrent use.
 */
public final class AccessLogQueries implements AutoCloseable {

    /** The most records a page holds. */
    public static final int MAX_PAGE = 1_000;

    /** Pages look up search words row by row when more records than this contain them. */
    static final int PROBE_ABOVE = 20_000;

    private final ReaderPool readers;
    private final int probeAbove;

    AccessLogQueries(ReaderPool readers, int probeAbove) {
        this.readers = readers;
        this.probeAbove = probeAbove;
    }

    public static AccessLogQueries over(AccessLogStore store) {
        return new AccessLogQueries(new ReaderPool(store::openReader, store::generation, 4), PROBE_ABOVE);
    }

    /** Up to {@code size} records matching {@code query}, newest first, after {@code after} (null: from the newest). */
    public LogPage page(LogQuery query, LogCursor after, int size) throws SQLException {
        if (size < 1 || size > MAX_PAGE) {
            throw new IllegalArgumentException("page size must be 1 to " + MAX_PAGE + ", was " + size);
        }
        Connection connection = readers.borrow();
        try {
            SqlFilter filter = new SqlFilter(query, query.text() != null && manyContain(connection, query.text()));
            if (after != null) {
                // Not a row value: this form lets SQLite seek the (…, start_us) index to the cursor.
                filter.add("start_us <= ?", after.startMicros());
                filter.add("(start_us < ? OR id < ?)", after.startMicros());
                filter.parameters().add(after.id());
            }
            String sql = RowMapper.SELECT + filter.where() + " ORDER BY start_us DESC, id DESC LIMIT " + (size + 1);
            List<LogEntry> entries = new ArrayList<>(size + 1);
            try (PreparedStatement statement = prepare(connection, sql, filter.parameters());
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(RowMapper.entry(rows));
                }
            }
            if (entries.size() <= size) {
                return new LogPage(entries, null);
            }
            entries.remove(size);
            LogEntry last = entries.get(size - 1);
            return new LogPage(entries, new LogCursor(last.startMicros(), last.id()));
        } finally {
            readers.giveBack(connection);
        }
    }

    /** Per-minute counts, errors, latency percentiles and tokens of the matching records, oldest minute first. */
    public List<MinuteAggregate> perMinute(LogQuery query) throws SQLException {
        Connection connection = readers.borrow();
        try {
            if (RollupQueries.answers(query)) {
                return RollupQueries.perMinute(connection, query);
            }
            SqlFilter filter = new SqlFilter(query);
            String sql = "SELECT start_us, response_code, duration_us, input_token, output_token FROM access_log"
                    + filter.where();
            MinuteBuckets buckets = new MinuteBuckets();
            try (PreparedStatement statement = prepare(connection, sql, filter.parameters());
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    buckets.add(Math.floorDiv(rows.getLong(1), 60_000_000L), rows.getInt(2), rows.getLong(3),
                            rows.getLong(4), rows.getLong(5));
                }
            }
            return buckets.aggregates();
        } finally {
            readers.giveBack(connection);
        }
    }

    /** The {@code n} models, consumers or routes with the most requests, tokens or errors among the matching records. */
    public List<TopEntry> top(LogQuery query, TopDimension by, TopOrder order, int n) throws SQLException {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        Connection connection = readers.borrow();
        try {
            List<TopEntry> entries = RollupQueries.answersTop(query, by) ? RollupQueries.top(connection, query, by)
                    : rawTop(connection, query, by);
            Comparator<TopEntry> largest = switch (order) {
                case REQUESTS -> Comparator.comparingLong(TopEntry::requests);
                case TOKENS -> Comparator.comparingLong(e -> e.inputTokens() + e.outputTokens());
                case ERRORS -> Comparator.comparingLong(TopEntry::errors);
            };
            return entries.stream().sorted(largest.reversed().thenComparing(TopEntry::name)).limit(n).toList();
        } finally {
            readers.giveBack(connection);
        }
    }

    private static List<TopEntry> rawTop(Connection connection, LogQuery query, TopDimension by) throws SQLException {
        SqlFilter filter = new SqlFilter(query);
        String column = by.column();
        String sql = "SELECT " + column + ", count(*), sum(response_code >= 500), sum(input_token), sum(output_token)"
                + " FROM access_log" + filter.where() + (filter.where().isEmpty() ? " WHERE " : " AND ")
                + column + " IS NOT NULL GROUP BY " + column;
        List<TopEntry> entries = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql, filter.parameters());
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                entries.add(new TopEntry(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
                        rows.getLong(5)));
            }
        }
        return entries;
    }

    /**
     * Writes every matching record, newest first, to {@code out} (flushed, not closed), telling
     * {@code progress} how far it got and stopping when it asks to.
     */
    public ExportResult export(LogQuery query, ExportFormat format, OutputStream out, ExportProgress progress)
            throws SQLException, IOException {
        Connection connection = readers.borrow();
        try {
            SqlFilter filter = new SqlFilter(query);
            String sql = RowMapper.SELECT + filter.where() + " ORDER BY start_us DESC, id DESC";
            try (PreparedStatement statement = prepare(connection, sql, filter.parameters());
                 ResultSet rows = statement.executeQuery()) {
                return LogExport.write(rows, format, out, progress);
            }
        } finally {
            readers.giveBack(connection);
        }
    }

    /** Whether more than {@code probeAbove} records contain the words (counting stops there). */
    private boolean manyContain(Connection connection, String text) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM (SELECT 1 FROM access_log_text"
                + " WHERE access_log_text MATCH ? LIMIT " + (probeAbove + 1) + ")")) {
            count.setString(1, SqlFilter.ftsQuery(text));
            try (ResultSet rows = count.executeQuery()) {
                return rows.next() && rows.getLong(1) > probeAbove;
            }
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    @Override
    public void close() {
        readers.close();
    }
}
