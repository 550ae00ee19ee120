package dev.gatehouse.engine.accesslog.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The newest records matching a query, read from the candidate blocks of a {@link BlockPlan}:
 * the newest block first, then twice as many at each round, each round's id ranges read straight
 * from the table (no index) with the exact filter. It stops once no block left can hold a record
 * newer than the last one kept, so the answer is the one a walk down the time index would give.
 */
final class BlockPager {

    private static final int MOST_BLOCKS_PER_ROUND = 64;
    private static final Comparator<LogEntry> NEWEST_FIRST = Comparator.comparingLong(LogEntry::startMicros)
            .thenComparingLong(LogEntry::id).reversed();

    private BlockPager() {
    }

    /** Up to {@code limit} matching records newest first, strictly after {@code after} if given. */
    static List<LogEntry> newest(Connection connection, BlockPlan plan, LogQuery query, LogCursor after, int limit)
            throws SQLException {
        List<BlockPlan.Span> spans = plan.spans();
        List<LogEntry> kept = new ArrayList<>();
        int next = 0;
        int round = 1;
        while (next < spans.size()) {
            if (kept.size() >= limit && spans.get(next).maxStart() < kept.get(limit - 1).startMicros()) {
                break;
            }
            List<BlockPlan.Span> blocks = spans.subList(next, Math.min(spans.size(), next + round));
            next += blocks.size();
            round = Math.min(round * 2, MOST_BLOCKS_PER_ROUND);
            for (long[] range : BlockPlan.ranges(blocks)) {
                read(connection, query, after, range, limit, kept);
            }
            kept.sort(NEWEST_FIRST);
            if (kept.size() > limit) {
                kept.subList(limit, kept.size()).clear();
            }
        }
        return kept;
    }

    private static void read(Connection connection, LogQuery query, LogCursor after, long[] range, int limit,
                             List<LogEntry> into) throws SQLException {
        SqlFilter filter = inRange(query, range);
        filter.before(after);
        String sql = RowMapper.SELECT + filter.from() + " ORDER BY start_us DESC, id DESC LIMIT " + limit;
        try (PreparedStatement statement = filter.prepare(connection, sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                into.add(RowMapper.entry(rows));
            }
        }
    }

    /** The query's exact filter, limited to one id range ({first, last}). */
    static SqlFilter inRange(LogQuery query, long[] range) {
        SqlFilter filter = new SqlFilter(query);
        filter.readByIdRange();
        filter.add("id >= ?", range[0]);
        filter.add("id <= ?", range[1]);
        return filter;
    }
}
