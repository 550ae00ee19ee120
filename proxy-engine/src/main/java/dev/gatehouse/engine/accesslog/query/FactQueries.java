package dev.gatehouse.engine.accesslog.query;

import dev.gatehouse.engine.accesslog.store.BlockFacts;
import dev.gatehouse.engine.accesslog.store.Blocks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Histogram counts from the blocks' facts ({@link BlockFacts}) instead of the records, for the
 * filters the facts hold: route, model, consumer, upstream host, response type, cache status,
 * status classes, rate-limited and fallback, in any mix. Blocks without complete facts (written
 * before they were kept, or with a record that did not fit) or partly deleted by retention are
 * counted from their records, so the answer is exact either way.
 */
final class FactQueries {

    private FactQueries() {
    }

    /** Whether the facts hold every field the query filters on. */
    static boolean answers(LogQuery q) {
        return q.text() == null && q.statusCode() == null && q.minDurationMillis() == null && q.traceId() == null
                && q.requestId() == null;
    }

    /**
     * Counts the matching records of minutes [firstMinute, endMinute) into {@code counter};
     * false, having counted nothing, when a value asked for is not numbered (then the caller
     * reads the records).
     */
    static boolean count(Connection connection, LogQuery q, long firstMinute, long endMinute, SlotCounter counter)
            throws SQLException {
        long[] ids = new long[6];
        int[] kinds = {Blocks.ROUTE, Blocks.MODEL, Blocks.CONSUMER, Blocks.UPSTREAM, Blocks.CACHE, Blocks.RESPONSE_TYPE};
        String[] values = {q.route(), q.model(), q.consumer(), q.upstreamHost(), q.cacheStatus(), q.responseType()};
        for (int i = 0; i < ids.length; i++) {
            ids[i] = values[i] == null ? -1 : valueId(connection, kinds[i], values[i]);
            if (ids[i] == 0) {
                return false;
            }
        }
        int classes = 0;
        for (int statusClass : q.statusClasses().isEmpty() ? List.of(1, 2, 3, 4, 5) : q.statusClasses()) {
            classes |= 1 << statusClass;
        }
        BlockFacts.Filter filter = new BlockFacts.Filter(ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], classes,
                q.rateLimited(), q.fallback());
        BlockFacts.Counts into = (minute, statusClass, requests) ->
                counter.add(Math.floorDiv(minute * 60_000, counter.slotMillis()), statusClass, requests);
        List<BlockPlan.Span> unsummarised = new ArrayList<>();
        // With no record left, the newest block's summaries stay (the writer goes on with it): no facts count.
        String sql = "SELECT t.block, f.facts, coalesce((SELECT min(id) FROM access_log), " + Long.MAX_VALUE + ")"
                + " FROM block_times t"
                + " LEFT JOIN block_facts f ON f.block = t.block WHERE t.max_start >= ? AND t.min_start < ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, firstMinute * 60_000_000);
            statement.setLong(2, endMinute * 60_000_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long block = rows.getLong(1);
                    byte[] facts = rows.getBytes(2);
                    // Retention deletes records, not facts: a block it has begun on is read record by record.
                    if (BlockFacts.complete(facts) && Blocks.firstId(block) >= rows.getLong(3)) {
                        BlockFacts.count(facts, filter, firstMinute, endMinute, into);
                    } else {
                        unsummarised.add(new BlockPlan.Span(block, 0, 0));
                    }
                }
            }
        }
        LogQuery wholeMinutes = q.toBuilder().between(firstMinute * 60_000, endMinute * 60_000).build();
        List<SqlFilter> filters = new ArrayList<>();
        for (long[] range : BlockPlan.ranges(unsummarised)) {
            filters.add(BlockPager.inRange(wholeMinutes, range));
        }
        HistogramQueries.countRaw(connection, filters, counter);
        return true;
    }

    /** The value's number in dim_values, 0 when it was never seen (or, for response types, not numbered yet). */
    private static long valueId(Connection connection, int kind, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM dim_values WHERE kind = ? AND value = ?")) {
            statement.setInt(1, kind);
            statement.setString(2, value);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }
}
