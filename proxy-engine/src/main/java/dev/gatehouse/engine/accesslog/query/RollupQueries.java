package dev.gatehouse.engine.accesslog.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Aggregates and top-N answered from {@code minute_rollup} instead of raw records, for the
 * queries it can answer: a time range (whole minutes), status classes, and at most one of route,
 * model, consumer or upstream host. Anything else (full text, flags, a status code...) returns
 * null and the caller reads raw records.
 */
final class RollupQueries {

    /** {@code minute_rollup.dim} numbers, as the store's writer fills them. */
    private static final int ALL = 0, ROUTE = 1, MODEL = 2, CONSUMER = 3, UPSTREAM = 4;

    private RollupQueries() {
    }

    /** Whether only the rollup's own dimensions are filtered. */
    static boolean answers(LogQuery q) {
        return q.text() == null && q.statusCode() == null && q.responseType() == null && q.cacheStatus() == null
                && q.rateLimited() == null && q.fallback() == null && q.minDurationMillis() == null
                && q.traceId() == null && q.requestId() == null && dimensionFilters(q) <= 1;
    }

    private static int dimensionFilters(LogQuery q) {
        int n = 0;
        for (String value : new String[] {q.route(), q.model(), q.consumer(), q.upstreamHost()}) {
            n += value != null ? 1 : 0;
        }
        return n;
    }

    static List<MinuteAggregate> perMinute(Connection connection, LogQuery q) throws SQLException {
        String sql = "SELECT minute, status_class, requests, input_tokens, output_tokens, latency FROM minute_rollup"
                + " WHERE dim = ? AND value = ? AND minute >= ? AND minute < ?" + classes(q);
        MinuteBuckets buckets = new MinuteBuckets();
        try (PreparedStatement statement = prepareMinutes(connection, sql, q, firstMinute(q), endMinute(q))) {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    buckets.addRollup(rows.getLong(1), rows.getInt(2), rows.getLong(3), rows.getLong(4),
                            rows.getLong(5), rows.getBytes(6));
                }
            }
        }
        return buckets.aggregates();
    }

    /** Receives one rollup row's count: a minute (epoch minutes), a status class and its requests. */
    @FunctionalInterface
    interface MinuteCounts {
        void add(long minute, int statusClass, long requests);
    }

    /** The requests of the minutes {@code firstMinute} (inclusive) to {@code endMinute} (exclusive) by status class. */
    static void countPerMinute(Connection connection, LogQuery q, long firstMinute, long endMinute, MinuteCounts into)
            throws SQLException {
        String sql = "SELECT minute, status_class, requests FROM minute_rollup"
                + " WHERE dim = ? AND value = ? AND minute >= ? AND minute < ?" + classes(q);
        try (PreparedStatement statement = prepareMinutes(connection, sql, q, firstMinute, endMinute);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                into.add(rows.getLong(1), rows.getInt(2), rows.getLong(3));
            }
        }
    }

    /** {@code sql} with the query's dimension and value and the minute range bound (parameters 1 to 4). */
    private static PreparedStatement prepareMinutes(Connection connection, String sql, LogQuery q, long firstMinute,
                                                    long endMinute) throws SQLException {
        int dim = q.route() != null ? ROUTE : q.model() != null ? MODEL : q.consumer() != null ? CONSUMER
                : q.upstreamHost() != null ? UPSTREAM : ALL;
        String value = switch (dim) {
            case ROUTE -> q.route();
            case MODEL -> q.model();
            case CONSUMER -> q.consumer();
            case UPSTREAM -> q.upstreamHost();
            default -> "";
        };
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setInt(1, dim);
        statement.setString(2, value);
        statement.setLong(3, firstMinute);
        statement.setLong(4, endMinute);
        return statement;
    }

    /** Top-N from the rollup: only when no other dimension than the ranked one is filtered. */
    static boolean answersTop(LogQuery q, TopDimension by) {
        if (!answers(q) || q.upstreamHost() != null) {
            return false;
        }
        return switch (by) {
            case MODEL -> q.route() == null && q.consumer() == null;
            case CONSUMER -> q.route() == null && q.model() == null;
            case ROUTE -> q.model() == null && q.consumer() == null;
        };
    }

    static List<TopEntry> top(Connection connection, LogQuery q, TopDimension by) throws SQLException {
        String only = switch (by) {
            case MODEL -> q.model();
            case CONSUMER -> q.consumer();
            case ROUTE -> q.route();
        };
        String sql = "SELECT value, status_class, sum(requests), sum(input_tokens), sum(output_tokens)"
                + " FROM minute_rollup WHERE dim = ? AND minute >= ? AND minute < ?" + classes(q)
                + (only != null ? " AND value = ?" : "") + " GROUP BY value, status_class";
        Map<String, long[]> sums = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, by.rollupDim());
            statement.setLong(2, firstMinute(q));
            statement.setLong(3, endMinute(q));
            if (only != null) {
                statement.setString(4, only);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long[] s = sums.computeIfAbsent(rows.getString(1), k -> new long[4]);
                    long requests = rows.getLong(3);
                    s[0] += requests;
                    s[1] += rows.getInt(2) == 5 ? requests : 0;
                    s[2] += rows.getLong(4);
                    s[3] += rows.getLong(5);
                }
            }
        }
        List<TopEntry> entries = new ArrayList<>(sums.size());
        sums.forEach((name, s) -> entries.add(new TopEntry(name, s[0], s[1], s[2], s[3])));
        return entries;
    }

    private static String classes(LogQuery q) {
        return q.statusClasses().isEmpty() ? "" : " AND status_class IN (" + q.statusClasses().stream().distinct()
                .map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }

    private static long firstMinute(LogQuery q) {
        return q.fromMillis() == null ? Long.MIN_VALUE : Math.floorDiv(q.fromMillis(), 60_000L);
    }

    /** The minute after the last one the range touches. */
    private static long endMinute(LogQuery q) {
        return q.toMillis() == null ? Long.MAX_VALUE : Math.floorDiv(q.toMillis() + 59_999L, 60_000L);
    }
}
