package dev.gatehouse.engine.accesslog.store;

import dev.gatehouse.engine.accesslog.AccessRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps {@code minute_rollup} up to date in the writer's own transaction: a batch's records are
 * summed per (dimension, value, minute, status class) in memory, then each touched row is read,
 * merged and written back once. Aggregates and top-N over a day then read a few thousand rollup
 * rows instead of millions of requests.
 */
final class MinuteRollup implements AutoCloseable {

    /** The rollup's dimensions, by their number in {@code minute_rollup.dim}. */
    static final int ALL = 0, ROUTE = 1, MODEL = 2, CONSUMER = 3, UPSTREAM = 4;

    private record Key(int dim, String value, long minute, int statusClass) { }

    private static final class Cell {
        long requests;
        long inputTokens;
        long outputTokens;
        final LatencyHistogram latency = new LatencyHistogram();
    }

    private final Map<Key, Cell> pending = new HashMap<>();
    private final PreparedStatement read;
    private final PreparedStatement write;

    MinuteRollup(Connection connection) throws SQLException {
        read = connection.prepareStatement("SELECT requests, input_tokens, output_tokens, latency FROM minute_rollup"
                + " WHERE dim = ? AND value = ? AND minute = ? AND status_class = ?");
        write = connection.prepareStatement("INSERT OR REPLACE INTO minute_rollup (dim, value, minute, status_class,"
                + " requests, input_tokens, output_tokens, latency) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    }

    static long minuteOf(long epochMicros) {
        return Math.floorDiv(epochMicros, 60_000_000L);
    }

    void add(AccessRecord r) {
        long minute = minuteOf(RecordInsert.epochMicros(r.startTime()));
        int statusClass = Math.clamp(r.responseCode() / 100, 0, 5);
        add(new Key(ALL, "", minute, statusClass), r);
        addIfPresent(ROUTE, r.route(), minute, statusClass, r);
        addIfPresent(MODEL, r.model(), minute, statusClass, r);
        addIfPresent(CONSUMER, r.consumer(), minute, statusClass, r);
        addIfPresent(UPSTREAM, r.upstreamHost(), minute, statusClass, r);
    }

    private void addIfPresent(int dim, String value, long minute, int statusClass, AccessRecord r) {
        if (value != null) {
            add(new Key(dim, value, minute, statusClass), r);
        }
    }

    private void add(Key key, AccessRecord r) {
        Cell cell = pending.computeIfAbsent(key, k -> new Cell());
        cell.requests++;
        cell.inputTokens += r.inputTokens();
        cell.outputTokens += r.outputTokens();
        cell.latency.record(r.durationNanos() / 1_000);
    }

    /** Merges what was added into the table; part of the caller's transaction. */
    void flush() throws SQLException {
        for (Map.Entry<Key, Cell> entry : pending.entrySet()) {
            Key key = entry.getKey();
            Cell cell = entry.getValue();
            bindKey(read, key);
            try (ResultSet existing = read.executeQuery()) {
                if (existing.next()) {
                    cell.requests += existing.getLong(1);
                    cell.inputTokens += existing.getLong(2);
                    cell.outputTokens += existing.getLong(3);
                    cell.latency.addBytes(existing.getBytes(4));
                }
            }
            bindKey(write, key);
            write.setLong(5, cell.requests);
            write.setLong(6, cell.inputTokens);
            write.setLong(7, cell.outputTokens);
            write.setBytes(8, cell.latency.toBytes());
            write.executeUpdate();
        }
        pending.clear();
    }

    void discard() {
        pending.clear();
    }

    private static void bindKey(PreparedStatement statement, Key key) throws SQLException {
        statement.setInt(1, key.dim());
        statement.setString(2, key.value());
        statement.setLong(3, key.minute());
        statement.setInt(4, key.statusClass());
    }

    @Override
    public void close() throws SQLException {
        read.close();
        write.close();
    }
}
