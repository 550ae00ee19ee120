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
    private static final long TEXT_KEYS = Blocks.key(Blocks.TEXT, 0);

    private final PreparedStatement[] oldBlocks;
    private final PreparedStatement[] oldTexts;
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
        this.oldBlocks = new PreparedStatement[] {
                connection.prepareStatement("DELETE FROM block_keys WHERE block < ?"),
                connection.prepareStatement("DELETE FROM block_times WHERE block < ?"),
                connection.prepareStatement("DELETE FROM block_ids WHERE block < ?"),
                connection.prepareStatement("DELETE FROM block_facts WHERE block < ?")};
        // The texts only the blocks about to go have: their words out of the index first (it keeps
        // no copy of them), then the texts themselves.
        String onlyInOldBlocks = " FROM texts t WHERE t.id IN (SELECT key - " + TEXT_KEYS + " FROM block_keys"
                + " WHERE block < ?1 AND key >= " + TEXT_KEYS + " AND key < " + (TEXT_KEYS + (1L << 40)) + ")"
                + " AND NOT EXISTS (SELECT 1 FROM block_keys k WHERE k.key = " + TEXT_KEYS + " + t.id AND k.block >= ?1)";
        this.oldTexts = new PreparedStatement[] {
                connection.prepareStatement("INSERT INTO texts_fts (texts_fts, rowid, path, user_agent, errors)"
                        + " SELECT 'delete', t.id, t.path, t.user_agent, t.errors" + onlyInOldBlocks),
                connection.prepareStatement("DELETE FROM texts WHERE id IN (SELECT t.id" + onlyInOldBlocks + ")")};
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
            deleteBlocksBeforeOldest();
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
                count++;
            }
        }
        if (count > 0) {
            delete.executeBatch();
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

    /**
     * The summaries of blocks whose records are all gone, and the texts no other block has. A block partly deleted keeps its
     * summary: it only makes a query read a few ids that are no longer there. The newest block
     * stays even when every record is gone, since the writer goes on adding to it.
     */
    private void deleteBlocksBeforeOldest() throws SQLException {
        long keepFrom;
        try (ResultSet first = pragmas.executeQuery("SELECT (SELECT min(id) FROM access_log),"
                + " (SELECT max(block) FROM block_times)")) {
            first.next();
            long oldestId = first.getLong(1);
            boolean empty = first.wasNull();
            long newestBlock = first.getLong(2);
            keepFrom = empty ? newestBlock : Math.min(Blocks.blockOf(oldestId), newestBlock);
        }
        for (PreparedStatement delete : oldTexts) {
            delete.setLong(1, keepFrom);
            delete.executeUpdate();
        }
        for (PreparedStatement delete : oldBlocks) {
            delete.setLong(1, keepFrom);
            delete.executeUpdate();
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
        for (PreparedStatement delete : oldBlocks) {
            delete.close();
        }
        for (PreparedStatement delete : oldTexts) {
            delete.close();
        }
        oldRollups.close();
        pragmas.close();
    }
}
