package dev.gatehouse.engine.accesslog.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Counts the matching requests per histogram slot and status class, exactly, reading as little
 * as it can: the whole minutes of the range from the minute rollup when the filter is one the
 * rollup answers, else from the blocks' facts ({@link FactQueries}) when they hold its fields
 * (records only for the partial minutes at either end), else a count-only GROUP BY over the
 * records, through the same partial indexes and candidate blocks a page of the same filter uses.
 * Counting only (no latencies, no tokens) lets SQLite answer the flags (rate-limited, fallback,
 * slow) from their covering partial indexes, without the table.
 */
final class HistogramQueries {

    private static final long MINUTE_MILLIS = 60_000;

    /** The query's filter over the records to read (one per id range of candidate blocks, or one). */
    @FunctionalInterface
    interface RawFilters {
        List<SqlFilter> of(LogQuery query) throws SQLException;
    }

    private HistogramQueries() {
    }

    static void count(Connection connection, LogQuery query, SlotCounter counter, RawFilters raw) throws SQLException {
        boolean rollup = RollupQueries.answers(query);
        // A flag alone is answered from its covering partial index (rare rows) as fast as from the facts.
        boolean facts = !rollup && FactQueries.answers(query) && query.fromMillis() != null && query.toMillis() != null
                && !onlyAFlag(query);
        if (!rollup && !facts) {
            countRaw(connection, raw.of(query), counter);
            return;
        }
        // The rollup and the facts hold whole minutes: they answer those inside the range; the
        // records of a minute cut by either end are counted one by one (at most two minutes of them).
        Long from = query.fromMillis();
        Long to = query.toMillis();
        long firstMinute = from == null ? Long.MIN_VALUE : Math.ceilDiv(from, MINUTE_MILLIS);
        long endMinute = to == null ? Long.MAX_VALUE : Math.floorDiv(to, MINUTE_MILLIS);
        if (firstMinute >= endMinute) {
            countRaw(connection, raw.of(query), counter);
            return;
        }
        if (rollup) {
            RollupQueries.countPerMinute(connection, query, firstMinute, endMinute, (minute, statusClass, requests) ->
                    counter.add(Math.floorDiv(minute * MINUTE_MILLIS, counter.slotMillis()), statusClass, requests));
        } else if (!FactQueries.count(connection, query, firstMinute, endMinute, counter)) {
            countRaw(connection, raw.of(query.toBuilder().between(firstMinute * MINUTE_MILLIS, endMinute * MINUTE_MILLIS)
                    .build()), counter);
        }
        if (from != null && from < firstMinute * MINUTE_MILLIS) {
            countRaw(connection, raw.of(query.toBuilder().between(from, firstMinute * MINUTE_MILLIS).build()), counter);
        }
        if (to != null && endMinute * MINUTE_MILLIS < to) {
            countRaw(connection, raw.of(query.toBuilder().between(endMinute * MINUTE_MILLIS, to).build()), counter);
        }
    }

    /** Rate-limited or fallback records and no other filter but the time range. */
    private static boolean onlyAFlag(LogQuery q) {
        boolean flag = Boolean.TRUE.equals(q.rateLimited()) || Boolean.TRUE.equals(q.fallback());
        return flag && q.statusClasses().isEmpty() && q.route() == null && q.model() == null && q.consumer() == null && q.upstreamHost() == null
                && q.responseType() == null && q.cacheStatus() == null;
    }

    static void countRaw(Connection connection, List<SqlFilter> filters, SlotCounter counter)
            throws SQLException {
        long slotMicros = counter.slotMillis() * 1_000;
        // Floor division (start times before 1970 would round up with '/'); classes as the rollup
        // keeps them: 600 and above count as 5xx, as they do in the per-minute errors.
        String slot = "(start_us / " + slotMicros + " - (start_us < 0 AND start_us % " + slotMicros + " <> 0))";
        for (SqlFilter filter : filters) {
            String sql = "SELECT " + slot + ", max(0, min(5, response_code / 100)), count(*)" + filter.from()
                    + " GROUP BY 1, 2";
            try (PreparedStatement statement = filter.prepare(connection, sql); ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counter.add(rows.getLong(1), rows.getInt(2), rows.getLong(3));
                }
            }
        }
    }
}
