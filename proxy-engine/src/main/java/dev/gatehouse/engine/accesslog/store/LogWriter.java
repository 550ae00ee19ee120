package dev.gatehouse.engine.accesslog.store;

import dev.gatehouse.engine.accesslog.AccessRecord;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The store's one writer thread: takes records from the queue and writes them in batched
 * transactions, each committed at the latest {@code commitInterval} after its first record
 * arrived; between batches, a retention step when one is due. A corrupt file found while
 * writing is set aside and a new one started; a failed batch is counted as dropped.
 */
final class LogWriter implements Runnable {

    private final RecordQueue queue;
    private final StoreOptions options;
    private final DatabaseFile file;
    private final AtomicLong written;
    private final AtomicLong dropped;
    private final long commitNanos;
    private final long retentionEveryNanos;
    private final List<AccessRecord> batch = new ArrayList<>();
    private volatile boolean closing;
    private volatile long lastCommitMillis;
    private volatile long databaseBytes;
    private volatile long retentionDeleted;
    private volatile String lastError;
    private Connection connection;
    private PreparedStatement lock;
    private RecordInsert insert;
    private TextDictionary texts;
    private BlockSummaries blocks;
    private MinuteRollup rollup;
    private Retention retention;
    private BackgroundCheckpoint checkpoint;
    private long nextRetentionNanos;
    private int writtenSinceRetention;

    LogWriter(RecordQueue queue, StoreOptions options, DatabaseFile file, AtomicLong written,
              AtomicLong dropped) throws SQLException {
        this.queue = queue;
        this.options = options;
        this.file = file;
        this.written = written;
        this.dropped = dropped;
        this.commitNanos = options.commitInterval().toNanos();
        this.retentionEveryNanos = options.retentionEvery().toNanos();
        open();
    }

    private void open() throws SQLException {
        connection = file.openWriter();
        lock = connection.prepareStatement("DELETE FROM block_times WHERE 0");
        insert = new RecordInsert(connection);
        texts = new TextDictionary(connection);
        blocks = new BlockSummaries(connection);
        rollup = new MinuteRollup(connection);
        retention = new Retention(connection, options);
        // Ends the read transaction the setup opened: an open snapshot would hold back checkpoints.
        connection.commit();
        checkpoint = new BackgroundCheckpoint(file, DatabaseFile.CHECKPOINT_DUE_BYTES, this::checkpointFailed);
        databaseBytes = file.sizeOnDisk();
    }

    void close() {
        closing = true;
    }

    long lastCommitMillis() { return lastCommitMillis; }
    long databaseBytes() { return databaseBytes; }
    long retentionDeleted() { return retentionDeleted; }
    String lastError() { return lastError; }

    @Override
    public void run() {
        boolean clean = false;
        try {
            while (!closing || !queue.isEmpty()) {
                if (collectBatch()) {
                    writeBatch();
                }
                retainIfDue();
            }
            clean = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // Nothing is written after this: say so, rather than let records pile up unexplained.
            lastError = "the access log writer stopped: " + e;
            options.listener().writeFailed(lastError);
            throw e;
        } finally {
            closeQuietly();
            if (clean) {
                file.markClean(); // after the close, which checkpoints the WAL into the file
            }
        }
    }

    /** Waits for a first record, then gathers more until the batch is full or its commit is due. */
    private boolean collectBatch() throws InterruptedException {
        AccessRecord first = queue.poll(commitNanos, TimeUnit.NANOSECONDS);
        if (first == null) {
            return false;
        }
        batch.add(first);
        long deadline = System.nanoTime() + commitNanos;
        while (batch.size() < options.maxBatch()) {
            if (queue.drainTo(batch, options.maxBatch() - batch.size()) > 0) {
                continue;
            }
            long left = deadline - System.nanoTime();
            AccessRecord next = closing || left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return true;
    }

    private void writeBatch() {
        long firstId = insert.lastId();
        try {
            lockForWriting();
            for (AccessRecord record : batch) {
                long startMicros = RecordInsert.epochMicros(record.startTime());
                long textId = texts.idOf(TextDictionary.Text.of(record));
                long id = insert.insert(record, startMicros, textId);
                blocks.add(id, record, startMicros, textId);
                rollup.add(record);
            }
            insert.flush();
            blocks.flush();
            rollup.flush();
            commit();
            written.addAndGet(batch.size());
            writtenSinceRetention += batch.size();
        } catch (SQLException | RuntimeException e) {
            rollback();
            insert.rewind(firstId);
            texts.forget();
            blocks.discard();
            rollup.discard();
            dropped.addAndGet(batch.size());
            failed("writing " + batch.size() + " access log records failed: " + e.getMessage(), e);
        } finally {
            batch.clear();
        }
    }

    private void retainIfDue() {
        long now = System.nanoTime();
        if (now - nextRetentionNanos < 0 || closing) {
            return;
        }
        try {
            // At the size limit under full load, each step also deletes as many as were written
            // since the last (up to a batch): the file stays at its limit instead of outgrowing it.
            int limit = options.retentionBatch() + Math.min(writtenSinceRetention, options.maxBatch());
            writtenSinceRetention = 0;
            lockForWriting();
            int deleted = retention.step(limit);
            commit();
            if (deleted > 0) {
                // Texts only the deleted records had are gone too: their numbers must be asked for again.
                texts.forget();
                retention.checkpoint();
                databaseBytes = file.sizeOnDisk();
            }
            retentionDeleted += deleted;
            // A full step means there is more: take the next one after the next batch, not later.
            nextRetentionNanos = deleted >= limit ? now : now + retentionEveryNanos;
        } catch (SQLException | RuntimeException e) {
            rollback();
            nextRetentionNanos = now + retentionEveryNanos;
            failed("access log retention failed: " + e.getMessage(), e);
        }
    }

    /**
     * Takes the write lock before the transaction reads anything, waiting for it (busy_timeout)
     * if another connection holds it. A transaction that has read and then wants to write gets
     * SQLITE_BUSY at once instead, without the wait, and a batch starts by reading (its texts).
     * sqlite-jdbc begins each transaction itself, deferred, so it is a write that does nothing.
     */
    private void lockForWriting() throws SQLException {
        lock.executeUpdate();
    }

    private void commit() throws SQLException {
        connection.commit();
        lastCommitMillis = options.clock().millis();
        finishCheckpoint();
        databaseBytes = file.sizeOnDisk();
    }

    /** After a commit: a failure here is reported, not taken for a failure of the batch just written. */
    private void finishCheckpoint() {
        try {
            checkpoint.finishOn(connection);
        } catch (SQLException e) {
            checkpointFailed("emptying the access log's write-ahead log failed: " + e.getMessage());
        }
    }

    private void checkpointFailed(String message) {
        lastError = message;
        options.listener().writeFailed(message);
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The failure that led here is the one reported.
        }
    }

    private void failed(String message, Exception cause) {
        lastError = message;
        options.listener().writeFailed(message);
        if (isCorruption(cause)) {
            closeQuietly();
            try {
                file.moveAside(cause.getMessage());
                open();
            } catch (SQLException | RuntimeException reopen) {
                lastError = "could not start a new access log after a corrupt one: " + reopen.getMessage();
                options.listener().writeFailed(lastError);
            }
        }
    }

    static boolean isCorruption(Exception cause) {
        if (!(cause instanceof SQLiteException sqlite)) {
            return false;
        }
        int primary = sqlite.getResultCode().code & 0xFF;
        return primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code;
    }

    private void closeQuietly() {
        // The checkpoint's connection first: the last one closed copies the log into the file.
        for (AutoCloseable closeable : new AutoCloseable[] {checkpoint, lock, insert, texts, blocks, rollup, retention,
                connection}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // Closing after a failure: nothing more to save.
            }
        }
    }
}
