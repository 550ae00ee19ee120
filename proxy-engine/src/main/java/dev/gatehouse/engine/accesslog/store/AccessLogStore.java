package dev.gatehouse.engine.accesslog.store;

import dev.gatehouse.engine.accesslog.AccessRecord;
import dev.gatehouse.engine.accesslog.AccessRecordSink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SQLite access log: an {@link AccessRecordSink} whose {@link #accept} only offers the record
 * to a bounded queue (a full queue drops and counts it, never waits), drained by one writer
 * thread in batched WAL transactions committed at least every {@link StoreOptions#commitInterval},
 * with age and size retention in the background. Queries open their own connections through
 * {@link #openReader()}. {@link #close()} writes what is queued, then closes the file.
 */
public final class AccessLogStore implements AccessRecordSink, AutoCloseable {

    private final StoreOptions options;
    private final DatabaseFile file;
    private final RecordQueue queue;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final LogWriter writer;
    private final Thread thread;
    private volatile boolean closed;

    private AccessLogStore(StoreOptions options) throws SQLException {
        this.options = options;
        this.file = new DatabaseFile(options.file(), options.clock(), options.listener());
        this.queue = new RecordQueue(options.queueCapacity());
        this.writer = new LogWriter(queue, options, file, written, dropped);
        this.thread = Thread.ofPlatform().name("access-log-writer").daemon().unstarted(writer);
        thread.start();
    }

    /**
     * Opens (or creates) the database file, checking an existing one first: a corrupt file is
     * moved aside and reported to the listener. Reads the whole file for that check (quick_check),
     * so call it off any event loop.
     */
    public static AccessLogStore open(StoreOptions options) throws SQLException {
        try {
            Path parent = options.file().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create the directory of " + options.file() + ": " + e.getMessage(), e);
        }
        return new AccessLogStore(options);
    }

    /** Never blocks: a full queue, or a closed store, counts the record as dropped. */
    @Override
    public void accept(AccessRecord record) {
        if (closed || !queue.offer(record)) {
            dropped.incrementAndGet();
        }
    }

    public StoreStats stats() {
        return new StoreStats(written.get(), dropped.get(), queue.size(), options.queueCapacity(),
                writer.lastCommitMillis(), writer.databaseBytes(), file.filesSetAside(), writer.retentionDeleted(),
                writer.lastError());
    }

    /** The database file (it may be replaced by a new one at the same path if found corrupt). */
    public Path file() {
        return file.path();
    }

    /** Changes when a corrupt file is replaced by a new one: readers opened before must be closed. */
    public int generation() {
        return file.generation();
    }

    /** A new read-only connection for queries; the caller closes it. */
    public Connection openReader() throws SQLException {
        return file.openReader();
    }

    /** Stops accepting, writes every queued record, and closes the file. */
    @Override
    public void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        writer.close();
        thread.join();
        // Offered in the instant between the closed check and the writer's last look: not written.
        dropped.addAndGet(queue.clear());
    }
}
