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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The log explorer's questions over an {@link AccessLogStore}: pages of records newest first
 * (keyset pagination), per-minute aggregates, top-N and exports. Each call runs on the caller's
 * thread on a read connection of its own (never the writer's), so call it off any event loop.
 * Safe for concurrent use.
 */
public final class AccessLogQueries implements AutoCloseable {

    /** The most records a page holds. */
    public static final int MAX_PAGE = 1_000;

    /**
     * Search words narrow a query to the blocks holding them when they are in at most this many
     * distinct texts; in more, they are checked row by row along the time index (such words are
     * common, so matches come soon).
     */
    static final int TEXT_BLOCKS_UP_TO = 64;

    private final ReaderPool readers;
    private final int textBlocksUpTo;

    AccessLogQueries(ReaderPool readers, int textBlocksUpTo) {
        this.readers = readers;
        this.textBlocksUpTo = textBlocksUpTo;
    }

    public static AccessLogQueries over(AccessLogStore store) {
        return new AccessLogQueries(new ReaderPool(store::openReader, store::generation, 4), TEXT_BLOCKS_UP_TO);
    }

    /** Up to {@code size} records matching {@code query}, newest first, after {@code after} (null: from the newest). */
    public LogPage page(LogQuery query, LogCursor after, int size) throws SQLException {
        if (size < 1 || size > MAX_PAGE) {
            throw new IllegalArgumentException("page size must be 1 to " + MAX_PAGE + ", was " + size);
        }
        Connection connection = readers.borrow();
        try {
            BlockPlan plan = BlockPlan.of(connection, query, textBlocksUpTo, after == null ? null : after.startMicros());
            List<LogEntry> entries = plan != null ? BlockPager.newest(connection, plan, query, after, size + 1)
                    : newestByTime(connection, query, after, size + 1);
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

    /** A walk down the time index (or a partial index of a flag), newest first. */
    private static List<LogEntry> newestByTime(Connection connection, LogQuery query, LogCursor after, int limit)
            throws SQLException {
        SqlFilter filter = new SqlFilter(query);
        filter.before(after);
        String sql = RowMapper.SELECT + filter.from() + " ORDER BY start_us DESC, id DESC LIMIT " + limit;
        List<LogEntry> entries = new ArrayList<>(limit);
        try (PreparedStatement statement = filter.prepare(connection, sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                entries.add(RowMapper.entry(rows));
            }
        }
        return entries;
    }

    /** Per-minute counts, errors, latency percentiles and tokens of the matching records, oldest minute first. */
    public List<MinuteAggregate> perMinute(LogQuery query) throws SQLException {
        Connection connection = readers.borrow();
        try {
            if (RollupQueries.answers(query)) {
                return RollupQueries.perMinute(connection, query);
            }
            MinuteBuckets buckets = new MinuteBuckets();
            for (SqlFilter filter : rawFilters(connection, query)) {
                String sql = "SELECT start_us, response_code, duration_us, input_token, output_token"
                        + filter.from();
                try (PreparedStatement statement = filter.prepare(connection, sql);
                     ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        buckets.add(Math.floorDiv(rows.getLong(1), 60_000_000L), rows.getInt(2), rows.getLong(3),
                                rows.getLong(4), rows.getLong(5));
                    }
                }
            }
            return buckets.aggregates();
        } finally {
            readers.giveBack(connection);
        }
    }

    /**
     * How many matching records started in each {@code slotMillis}-wide slot (slots start at
     * multiples of it since the epoch), by status class; only slots with a record, oldest first.
     * Exact, and far cheaper than {@link #perMinute}: counts come from the rollup's or the block
     * facts' whole minutes, or from the covering partial indexes, when the filter allows.
     *
     * @param slotMillis a whole number of minutes, in milliseconds
     */
    public List<SlotCounts> histogram(LogQuery query, long slotMillis) throws SQLException {
        SlotCounts.requireWholeMinutes(slotMillis);
        Connection connection = readers.borrow();
        try {
            SlotCounter counter = new SlotCounter(slotMillis);
            HistogramQueries.count(connection, query, counter, q -> rawFilters(connection, q));
            return counter.counts();
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

    private List<TopEntry> rawTop(Connection connection, LogQuery query, TopDimension by) throws SQLException {
        String column = by.column();
        Map<String, long[]> sums = new HashMap<>();
        for (SqlFilter filter : rawFilters(connection, query)) {
            filter.require(column + " IS NOT NULL");
            String sql = "SELECT " + column + ", count(*), sum(response_code >= 500), sum(input_token),"
                    + " sum(output_token)" + filter.from() + " GROUP BY " + column;
            try (PreparedStatement statement = filter.prepare(connection, sql); ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long[] s = sums.computeIfAbsent(rows.getString(1), k -> new long[4]);
                    for (int i = 0; i < 4; i++) {
                        s[i] += rows.getLong(i + 2);
                    }
                }
            }
        }
        List<TopEntry> entries = new ArrayList<>(sums.size());
        sums.forEach((name, s) -> entries.add(new TopEntry(name, s[0], s[1], s[2], s[3])));
        return entries;
    }

    /**
     * The query's filter over every record the aggregate must read: one per id range of the
     * candidate blocks when the query narrows to blocks, else one over the time index.
     */
    private List<SqlFilter> rawFilters(Connection connection, LogQuery query) throws SQLException {
        BlockPlan plan = BlockPlan.of(connection, query, textBlocksUpTo, null);
        if (plan == null) {
            return List.of(new SqlFilter(query));
        }
        List<SqlFilter> filters = new ArrayList<>();
        for (long[] range : BlockPlan.ranges(plan.spans())) {
            filters.add(BlockPager.inRange(query, range));
        }
        return filters;
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
            String sql = RowMapper.SELECT + filter.from() + " ORDER BY start_us DESC, id DESC";
            try (PreparedStatement statement = filter.prepare(connection, sql); ResultSet rows = statement.executeQuery()) {
                return LogExport.write(rows, format, out, progress);
            }
        } finally {
            readers.giveBack(connection);
        }
    }

    @Override
    public void close() {
        readers.close();
    }
}
