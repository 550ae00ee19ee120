package dev.gatehouse.engine.accesslog.query;

import dev.gatehouse.engine.accesslog.store.Blocks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The blocks of records ({@link Blocks}) that can hold a match for a query's route, model,
 * consumer, upstream host, status, cache status, search words, trace id or request id, newest first, with their time
 * spans: found in the block summaries, so a rare value costs a few blocks, not a scan of every
 * record. Null from {@link #of} when none of those filters is set (or the words are in too many
 * texts to be worth it): then a walk down the time index is the better way.
 */
final class BlockPlan {

    /** A candidate block and the oldest and newest start time (epoch microseconds) of its records. */
    record Span(long block, long minStart, long maxStart) {
    }

    private static final Comparator<Span> NEWEST_FIRST = Comparator.comparingLong(Span::maxStart).reversed()
            .thenComparing(Comparator.comparingLong(Span::block).reversed());

    private final List<Span> spans;

    private BlockPlan(List<Span> spans) {
        this.spans = spans;
    }

    /** Candidate blocks newest first (by their newest record). */
    List<Span> spans() {
        return spans;
    }

    /**
     * @param maxTexts the most distinct texts the search words may be in for them to narrow the
     *                 blocks (each is one more list of blocks to read); 0 never narrows by words
     * @param beforeMicros only blocks with a record started at or before this, or null
     */
    static BlockPlan of(Connection connection, LogQuery q, int maxTexts, Long beforeMicros) throws SQLException {
        Set<Long> blocks = null;
        blocks = narrow(blocks, valueBlocks(connection, Blocks.ROUTE, q.route()));
        blocks = narrow(blocks, valueBlocks(connection, Blocks.MODEL, q.model()));
        blocks = narrow(blocks, valueBlocks(connection, Blocks.CONSUMER, q.consumer()));
        blocks = narrow(blocks, valueBlocks(connection, Blocks.UPSTREAM, q.upstreamHost()));
        blocks = narrow(blocks, valueBlocks(connection, Blocks.CACHE, q.cacheStatus()));
        blocks = narrow(blocks, classBlocks(connection, q.statusCode() != null
                ? List.of(Blocks.statusClass(q.statusCode())) : q.statusClasses()));
        if (q.text() != null && maxTexts > 0) {
            blocks = narrow(blocks, textBlocks(connection, SqlFilter.ftsQuery(q.text()), maxTexts));
        }
        blocks = narrow(blocks, idBlocks(connection, q, q.traceId()));
        blocks = narrow(blocks, idBlocks(connection, q, q.requestId()));
        if (blocks == null) {
            return null;
        }
        List<Span> spans = new ArrayList<>();
        if (!blocks.isEmpty()) {
            String sql = "SELECT block, min_start, max_start FROM block_times WHERE max_start >= ? AND min_start < ?"
                    + " AND min_start <= ?";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bindTimes(statement, q);
                statement.setLong(3, beforeMicros == null ? Long.MAX_VALUE : beforeMicros);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        if (blocks.contains(rows.getLong(1))) {
                            spans.add(new Span(rows.getLong(1), rows.getLong(2), rows.getLong(3)));
                        }
                    }
                }
            }
        }
        spans.sort(NEWEST_FIRST);
        return new BlockPlan(spans);
    }

    /** The id ranges ({first, last}) that cover {@code spans}, adjacent blocks joined, highest first. */
    static List<long[]> ranges(List<Span> spans) {
        long[] numbers = spans.stream().mapToLong(Span::block).sorted().toArray();
        List<long[]> ranges = new ArrayList<>();
        for (int i = numbers.length - 1; i >= 0; ) {
            int j = i;
            while (j > 0 && numbers[j - 1] == numbers[j] - 1) {
                j--;
            }
            ranges.add(new long[] {Blocks.firstId(numbers[j]), Blocks.lastId(numbers[i])});
            i = j - 1;
        }
        return ranges;
    }

    private static Set<Long> narrow(Set<Long> blocks, Set<Long> only) {
        if (only == null) {
            return blocks;
        }
        if (blocks == null) {
            return only;
        }
        blocks.retainAll(only);
        return blocks;
    }

    /** The blocks holding {@code value}, none if it was never seen; null without a value. */
    private static Set<Long> valueBlocks(Connection connection, int kind, String value) throws SQLException {
        if (value == null) {
            return null;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT b.block FROM dim_values v"
                + " JOIN block_keys b ON b.key = (v.kind << 40) | v.id WHERE v.kind = ? AND v.value = ?")) {
            statement.setInt(1, kind);
            statement.setString(2, value);
            return blockSet(statement);
        }
    }

    /** The blocks holding a response of any of the status classes; null without any. */
    private static Set<Long> classBlocks(Connection connection, List<Integer> classes) throws SQLException {
        if (classes.isEmpty()) {
            return null;
        }
        Set<Long> blocks = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT block FROM block_keys WHERE key = ?")) {
            for (int statusClass : new HashSet<>(classes)) {
                statement.setLong(1, Blocks.key(Blocks.STATUS_CLASS, statusClass));
                blocks.addAll(blockSet(statement));
            }
        }
        return blocks;
    }

    /** The blocks holding a text with all the words, or null when more than {@code maxTexts} texts have them. */
    private static Set<Long> textBlocks(Connection connection, String match, int maxTexts) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM (SELECT 1 FROM texts_fts"
                + " WHERE texts_fts MATCH ? LIMIT " + (maxTexts + 1) + ")")) {
            count.setString(1, match);
            try (ResultSet rows = count.executeQuery()) {
                if (rows.next() && rows.getLong(1) > maxTexts) {
                    return null;
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT block FROM block_keys"
                + " WHERE key IN (SELECT (" + Blocks.TEXT + " << 40) | rowid FROM texts_fts WHERE texts_fts MATCH ?)")) {
            statement.setString(1, match);
            return blockSet(statement);
        }
    }

    /**
     * The blocks of the query's time range whose Bloom filter may hold the trace or request id;
     * null without one. Every filter of the range is read (2 KiB per 512 records).
     */
    private static Set<Long> idBlocks(Connection connection, LogQuery q, String id) throws SQLException {
        if (id == null) {
            return null;
        }
        Set<Long> blocks = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT i.block, i.bloom FROM block_ids i"
                + " JOIN block_times t ON t.block = i.block WHERE t.max_start >= ? AND t.min_start < ?")) {
            bindTimes(statement, q);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (Blocks.bloomMayContain(rows.getBytes(2), id)) {
                        blocks.add(rows.getLong(1));
                    }
                }
            }
        }
        return blocks;
    }

    /** Parameters 1 and 2: the query's time range in epoch microseconds, open ends as the extremes. */
    private static void bindTimes(PreparedStatement statement, LogQuery q) throws SQLException {
        statement.setLong(1, q.fromMillis() == null ? Long.MIN_VALUE : q.fromMillis() * 1_000);
        statement.setLong(2, q.toMillis() == null ? Long.MAX_VALUE : q.toMillis() * 1_000);
    }

    private static Set<Long> blockSet(PreparedStatement statement) throws SQLException {
        Set<Long> blocks = new HashSet<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                blocks.add(rows.getLong(1));
            }
        }
        return blocks;
    }
}
