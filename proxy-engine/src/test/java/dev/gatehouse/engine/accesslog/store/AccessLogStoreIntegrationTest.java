package dev.gatehouse.engine.accesslog.store;

import dev.gatehouse.engine.accesslog.AccessRecord;
import dev.gatehouse.engine.accesslog.query.AccessLogQueries;
import dev.gatehouse.engine.accesslog.query.LogEntry;
import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.engine.testing.Closer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import static dev.gatehouse.engine.testing.RecordBuilder.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AccessLogStoreIntegrationTest {

    @TempDir
    Path dir;
    private final Closer closer = new Closer();

    @AfterEach
    void close() throws Exception {
        closer.close();
    }

    private AccessLogStore open(StoreOptions options) throws SQLException {
        return closer.add(AccessLogStore.open(options));
    }

    @Test
    void aRecordComesBackWithEveryField() throws Exception {
        AccessLogStore store = open(StoreOptions.defaults(dir.resolve("log.db")));
        AccessRecord written = record().id("r-42").transportFailure("connection refused").fallbackFrom("primary")
                .start(Instant.parse("2026-11-25T10:00:00.123456Z")).build();
        store.accept(written);
        await().atMost(Duration.ofSeconds(5)).until(() -> store.stats().written() == 1);

        try (AccessLogQueries queries = AccessLogQueries.over(store)) {
            LogEntry entry = queries.page(LogQuery.all(), null, 10).entries().get(0);
            assertThat(entry.record()).isEqualTo(written);
        }
    }

    @Test
    void onlyItsOwnerCanReadTheDatabaseAndItsWriteAheadLog() throws Exception {
        Path file = dir.resolve("log.db");
        AccessLogStore store = open(StoreOptions.defaults(file));
        store.accept(record().build());
        await().atMost(Duration.ofSeconds(5)).until(() -> store.stats().written() == 1);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("log.db-wal"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void theDatabaseIsInWalModeWithEveryFieldAsAColumn() throws Exception {
        Path file = dir.resolve("log.db");
        AccessLogStore store = open(StoreOptions.defaults(file));
        store.accept(record().build());
        await().atMost(Duration.ofSeconds(5)).until(() -> store.stats().written() == 1);

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThat(single(s, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(single(s, "SELECT route_name || ' ' || model || ' ' || consumer || ' ' || response_code"
                    + " || ' ' || duration_us || ' ' || x_forwarded_for || ' ' || protocol FROM access_log"))
                    .isEqualTo("chat qwen-72b team-a 200 12345 198.51.100.4 HTTP/1.1");
        }
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfWaiting() throws Exception {
        Path file = dir.resolve("log.db");
        StoreOptions options = new StoreOptions(file, 3, Duration.ofMillis(10), 1, Duration.ofDays(1), 0,
                Duration.ofHours(1), 100, java.time.Clock.systemUTC(), StoreListener.none());
        AccessLogStore store = open(options);
        // Another connection holds the write lock: the writer is stuck on its first record.
        try (Connection blocker = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = blocker.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            store.accept(record().id("first").build());
            await().atMost(Duration.ofSeconds(5)).until(() -> store.stats().queueDepth() == 0);
            for (int i = 0; i < 10; i++) {
                store.accept(record().id("r-" + i).build());
            }
            StoreStats stuck = store.stats();
            assertThat(stuck.queueDepth()).isEqualTo(3);
            assertThat(stuck.dropped()).isEqualTo(7);
            s.execute("ROLLBACK");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> store.stats().written() == 4);
        assertThat(store.stats().dropped()).isEqualTo(7);
    }

    @Test
    void closingWritesEverythingStillQueued() throws Exception {
        Path file = dir.resolve("log.db");
        AccessLogStore store = AccessLogStore.open(StoreOptions.defaults(file));
        for (int i = 0; i < 5_000; i++) {
            store.accept(record().id("r-" + i).build());
        }
        store.close();

        assertThat(store.stats().written()).isEqualTo(5_000);
        assertThat(store.stats().dropped()).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT count(DISTINCT request_id) FROM access_log")).isEqualTo("5000");
        }
        store.accept(record().build());
        assertThat(store.stats().dropped()).isEqualTo(1);
    }

    @Test
    void statsShowTheLastCommitAndTheFileSize() throws Exception {
        var clock = new dev.gatehouse.engine.testing.MutableClock("2026-11-25T10:00:00Z");
        AccessLogStore store = open(StoreOptions.defaults(dir.resolve("log.db")).withClock(clock));
        assertThat(store.stats().lastCommitMillis()).isZero();
        store.accept(record().build());
        await().atMost(Duration.ofSeconds(5)).until(() -> store.stats().written() == 1);

        StoreStats stats = store.stats();
        assertThat(stats.lastCommitMillis()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z").toEpochMilli());
        assertThat(stats.databaseBytes()).isEqualTo(java.nio.file.Files.size(dir.resolve("log.db"))
                + java.nio.file.Files.size(dir.resolve("log.db-wal")));
        assertThat(stats.lastError()).isNull();
        assertThat(stats.filesSetAside()).isZero();
    }

    static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
