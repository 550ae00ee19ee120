package dev.gatehouse.engine.accesslog.store;

import org.sqlite.SQLiteConnection;
import org.sqlite.core.DB;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

/**
 * Deletes the oldest records, by age and by size, a small batch per {@link #step}, on the
 * writer's connection between two write batches: the writer never waits for more than one step.
 * Freed pages are handed back to the file system (auto_vacuum=INCREMENTAL), so the file shrinks.
 */
final class Retention implements AutoCloseable {

    private static final int VACUUM_PAGES_PER_STEP = 4_096;

    private final Clock clock;
    private final Duration maxAge;
    private final long maxBytes;
    private final PreparedStatement oldestBefore;
    private final PreparedStatement oldest;
    private final PreparedStatement delete;
    private final PreparedStatement deleteText;
    private final PreparedStatement oldRollups;
    private final Statement pragmas;
    private final DB database;
    private final Connection connection;

    Retention(Connection connection, StoreOptions options) throws SQLException {
        this.clock = options.clock();
        this.maxAge = options.maxAge();
        this.maxBytes = options.maxBytes();
        this.oldestBefore = connection.prepareStatement(
                "SELECT id FROM access_log WHERE start_us < ? ORDER BY start_us LIMIT ?");
        this.oldest = connection.prepareStatement("SELECT id FROM access_log ORDER BY start_us LIMIT ?");
        this.delete = connection.prepareStatement("DELETE FROM access_log WHERE id = ?");
        this.deleteText = connection.prepareStatement("DELETE FROM access_log_text WHERE rowid = ?");
        this.oldRollups = connection.prepareStatement("DELETE FROM minute_rollup WHERE dim = ? AND minute < ?");
        this.connection = connection;
        this.pragmas = connection.createStatement();
        this.database = connection.unwrap(SQLiteConnection.class).getDatabase();
    }

    /**
     * One step: deletes up to {@code limit} records past their age, or else of the oldest while
     * the data is over the size limit, then the rollup minutes before the oldest record left.
     * Runs inside the caller's transaction; returns the number of records deleted.
     */
    int step(int limit) throws SQLException {
        long cutoff = RecordInsert.epochMicros(clock.instant().minus(maxAge));
        oldestBefore.setLong(1, cutoff);
        oldestBefore.setInt(2, limit);
        int deleted = deleteAll(oldestBefore);
        if (deleted == 0 && maxBytes > 0 && usedBytes() > maxBytes) {
            oldest.setInt(1, limit);
            deleted = deleteAll(oldest);
        }
        if (deleted > 0) {
            deleteRollupsBeforeOldest(cutoff);
        }
        vacuum();
        return deleted;
    }

    /**
     * Hands free pages back to the file system. Each step of this pragma frees one page and the
     * driver steps a statement once, so it runs once per page (about 10 µs each); closing the
     * statement finalizes it, else the commit would find it still in progress.
     */
    private void vacuum() throws SQLException {
        long pages = Math.min(pragma("freelist_count"), VACUUM_PAGES_PER_STEP);
        try (PreparedStatement onePage = connection.prepareStatement("PRAGMA incremental_vacuum(1)")) {
            for (long i = 0; i < pages; i++) {
                onePage.execute();
            }
        }
    }

    /**
     * After a commit that freed pages: copies the write-ahead log into the file now, so that the
     * file actually shrinks (a passive checkpoint, it never waits for readers).
     */
    void checkpoint() throws SQLException {
        database.exec("PRAGMA wal_checkpoint(PASSIVE)", false);
    }

    private int deleteAll(PreparedStatement select) throws SQLException {
        int count = 0;
        try (ResultSet ids = select.executeQuery()) {
            while (ids.next()) {
                long id = ids.getLong(1);
                delete.setLong(1, id);
                delete.addBatch();
                deleteText.setLong(1, id);
                deleteText.addBatch();
                count++;
            }
        }
        if (count > 0) {
            delete.executeBatch();
            deleteText.executeBatch();
        }
        return count;
    }

    private void deleteRollupsBeforeOldest(long cutoffMicros) throws SQLException {
        long keepFrom;
        try (ResultSet first = pragmas.executeQuery("SELECT min(start_us) FROM access_log")) {
            first.next();
            long oldestLeft = first.getLong(1);
            keepFrom = first.wasNull() ? MinuteRollup.minuteOf(cutoffMicros) : MinuteRollup.minuteOf(oldestLeft);
        }
        for (int dim = MinuteRollup.ALL; dim <= MinuteRollup.UPSTREAM; dim++) {
            oldRollups.setInt(1, dim);
            oldRollups.setLong(2, keepFrom);
            oldRollups.executeUpdate();
        }
    }

    /** Pages holding data (not free), in bytes: what the size limit is about. */
    private long usedBytes() throws SQLException {
        return (pragma("page_count") - pragma("freelist_count")) * pragma("page_size");
    }

    private long pragma(String name) throws SQLException {
        try (ResultSet value = pragmas.executeQuery("PRAGMA " + name)) {
            return value.next() ? value.getLong(1) : 0;
        }
    }

    @Override
    public void close() throws SQLException {
        oldestBefore.close();
        oldest.close();
        delete.close();
        deleteText.close();
        oldRollups.close();
        pragmas.close();
    }
}
