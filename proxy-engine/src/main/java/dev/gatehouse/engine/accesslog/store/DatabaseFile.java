package dev.gatehouse.engine.accesslog.store;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Properties;

/**
 * The SQLite file behind the store: opens it (WAL, synchronous=NORMAL), creates the schema in a
 * new one, and moves a corrupt one, or one of another schema version, aside with its -wal and
 * -shm, under a name carrying the UTC time ({@code access-log.corrupt-20261125T114500Z.db}), so
 * that a new one can start.
 */
final class DatabaseFile {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final String[] COMPANIONS = {"", "-wal", "-shm"};

    /** How long the writer waits for a write lock someone else holds (an outside tool). */
    static final int WRITER_BUSY_TIMEOUT_MS = 10_000;

    /** The log size at which {@link BackgroundCheckpoint} copies it into the file. */
    static final long CHECKPOINT_DUE_BYTES = 40L << 20;

    private final Path path;
    private final Clock clock;
    private final StoreListener listener;
    // Written by the writer thread, read by query threads.
    private volatile int setAside;
    private volatile int generation;

    DatabaseFile(Path path, Clock clock, StoreListener listener) {
        this.path = path.toAbsolutePath();
        this.clock = clock;
        this.listener = listener;
    }

    Path path() {
        return path;
    }

    int filesSetAside() {
        return setAside;
    }

    /** Changes whenever the file is replaced by a new one: connections opened before read the old file. */
    int generation() {
        return generation;
    }

    /** The writer's connection: checked (quick_check) when the file exists, replaced if it is corrupt. */
    Connection openWriter() throws SQLException {
        if (Files.exists(path)) {
            // After a clean close only the header is looked at: quick_check reads the whole file
            // (10 s for 3.6 GB here), a cost for a start after a crash, not after every stop.
            String problem = cleanlyClosed() ? headerProblem() : problemWith();
            if (problem != null) {
                moveAside(problem);
            } else {
                setAsideIfOtherVersion();
            }
        }
        deleteCleanMark();
        createOwnerOnly();
        // Without generated keys: else the driver prepares and runs "SELECT last_insert_rowid()"
        // after every INSERT (the writer hands out the ids itself): a quarter of the writer's time.
        SQLiteConfig config = new SQLiteConfig();
        config.setGetGeneratedKeys(false);
        Connection connection = connect(config.toProperties());
        try (Statement statement = connection.createStatement()) {
            // First: they only take in a file with no page written yet, and WAL mode writes one.
            // 16 KiB pages: a quarter of the log frames per batch that 4 KiB ones take, and fewer
            // page splits; 6-10 % more records/s, queries over 5 M records as fast (bench/log-store.sh,
            // bench/log-explorer.sh). A file made with other pages keeps them.
            statement.execute("PRAGMA page_size = 16384");
            statement.execute("PRAGMA auto_vacuum = INCREMENTAL");
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("PRAGMA synchronous = NORMAL");
            // BackgroundCheckpoint copies the log every CHECKPOINT_DUE_BYTES; this is the backstop
            // should it fall behind. Rarely rather than every 4 MB: the index pages every batch
            // touches are copied into the file once per checkpoint (8 % less CPU per record).
            statement.execute("PRAGMA wal_autocheckpoint = " + 4 * CHECKPOINT_DUE_BYTES / 16384);
            statement.execute("PRAGMA cache_size = -65536");
            statement.execute("PRAGMA temp_store = MEMORY");
            // Only an outside tool would hold the write lock; wait for it rather than drop a batch.
            statement.execute("PRAGMA busy_timeout = " + WRITER_BUSY_TIMEOUT_MS);
            int version = userVersion(statement);
            if (version == 0) {
                Schema.create(connection);
            } else if (version < Schema.VERSION) {
                // In its own transaction: a crash halfway leaves the old version, upgraded next time.
                connection.setAutoCommit(false);
                Schema.upgrade(connection);
                connection.commit();
            }
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** The connection {@link BackgroundCheckpoint} copies the log with; it writes no records. */
    Connection openCheckpointer() throws SQLException {
        return connect(new Properties());
    }

    /** A connection for queries only, never the writer's. */
    Connection openReader() throws SQLException {
        Connection connection = connect(new Properties());
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA query_only = 1");
            statement.execute("PRAGMA cache_size = -32768");
            statement.execute("PRAGMA mmap_size = 268435456");
            statement.execute("PRAGMA temp_store = MEMORY");
        }
        return connection;
    }

    private Connection connect(Properties properties) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + path, properties);
    }

    /** Why the existing file cannot be used, or null if it can. */
    private String problemWith() throws SQLException {
        // Checked before SQLite opens it: SQLite would discard the -wal next to a file that is
        // not a database, and that might be all that is left of the records.
        String header = headerProblem();
        if (header != null) {
            return header;
        }
        try (Connection connection = connect(new Properties()); Statement statement = connection.createStatement()) {
            try (ResultSet check = statement.executeQuery("PRAGMA quick_check(1)")) {
                String verdict = check.next() ? check.getString(1) : "no answer";
                return "ok".equals(verdict) ? null : "quick_check: " + verdict;
            }
        } catch (SQLException e) {
            // Only a verdict on the file moves it aside; busy, locked, unreadable or out of memory
            // says nothing about the records in it, and is the caller's error to see.
            if (LogWriter.isCorruption(e)) {
                return e.getMessage();
            }
            throw e;
        }
    }

    /**
     * A new database file readable by its owner only: it holds client addresses, paths and
     * consumer names. SQLite gives its -wal and -shm files the database file's permissions.
     */
    private void createOwnerOnly() throws SQLException {
        if (Files.exists(path) || !path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            throw new SQLException("cannot create the access log " + path + ": " + e.getMessage(), e);
        }
    }

    private String headerProblem() {
        try (var in = Files.newInputStream(path)) {
            byte[] start = in.readNBytes(SQLITE_HEADER.length);
            return start.length == 0 || Arrays.equals(start, SQLITE_HEADER) ? null
                    : "not a SQLite database (its first bytes are not \"SQLite format 3\")";
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /**
     * A sound file of another schema version (an older Gatehouse's) is kept whole under a name
     * saying its version ({@code access-log.v1-20261125T114500Z.db}), reported like a corrupt one,
     * and a new file started: its tables cannot take this version's writes.
     */
    private void setAsideIfOtherVersion() throws SQLException {
        int version;
        try (Connection connection = connect(new Properties()); Statement statement = connection.createStatement()) {
            version = userVersion(statement);
        }
        boolean upgradable = version >= Schema.UPGRADES_FROM && version < Schema.VERSION;
        if (version != 0 && version != Schema.VERSION && !upgradable) {
            moveAside("v" + version, "schema version " + version + " (this Gatehouse writes version " + Schema.VERSION
                    + "): kept as it is, a new access log started");
        }
    }

    /** Moves the file and its companions aside, after a failed check or a corruption found while writing. */
    void moveAside(String reason) {
        moveAside("corrupt", reason);
    }

    private void moveAside(String label, String reason) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        String stamp = STAMP.format(clock.instant());
        Path target = path.resolveSibling(stem + "." + label + "-" + stamp + extension);
        for (int n = 1; Files.exists(target); n++) {
            target = path.resolveSibling(stem + "." + label + "-" + stamp + "-" + n + extension);
        }
        try {
            for (String suffix : COMPANIONS) {
                Path from = path.resolveSibling(name + suffix);
                if (Files.exists(from)) {
                    Files.move(from, target.resolveSibling(target.getFileName() + suffix),
                            StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not move the corrupt access log " + path + " aside", e);
        }
        setAside++;
        generation++;
        listener.fileSetAside(path, target, reason);
    }

    /**
     * Marks the file as closed cleanly by the writer, with its size and modification time, so that
     * the next open can skip the full check if nothing touched the file in between.
     */
    void markClean() {
        try {
            Files.writeString(cleanMark(), fingerprint());
        } catch (IOException e) {
            // Only costs the next open a full check.
        }
    }

    private boolean cleanlyClosed() {
        try {
            return Files.exists(cleanMark()) && Files.readString(cleanMark()).equals(fingerprint());
        } catch (IOException e) {
            return false;
        }
    }

    private String fingerprint() throws IOException {
        return Files.size(path) + " " + Files.getLastModifiedTime(path).toMillis();
    }

    private void deleteCleanMark() throws SQLException {
        try {
            Files.deleteIfExists(cleanMark());
        } catch (IOException e) {
            throw new SQLException("cannot remove " + cleanMark() + ": " + e.getMessage(), e);
        }
    }

    private Path cleanMark() {
        return path.resolveSibling(path.getFileName() + "-clean");
    }

    /** The database file and its write-ahead log, in bytes. */
    long sizeOnDisk() {
        long bytes = 0;
        for (String suffix : new String[] {"", "-wal"}) {
            try {
                bytes += Files.size(path.resolveSibling(path.getFileName() + suffix));
            } catch (IOException missing) {
                // No WAL between checkpoints is normal.
            }
        }
        return bytes;
    }

    private static int userVersion(Statement statement) throws SQLException {
        try (ResultSet version = statement.executeQuery("PRAGMA user_version")) {
            return version.next() ? version.getInt(1) : 0;
        }
    }
}
