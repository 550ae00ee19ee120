package dev.gatehouse.engine.accesslog.store;

import dev.gatehouse.engine.accesslog.query.AccessLogQueries;
import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.engine.accesslog.query.SlotCounts;
import dev.gatehouse.engine.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.gatehouse.engine.testing.RecordBuilder.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An access log written by an older Gatehouse: kept whole, reported and a new one started, or (version 2) upgraded in place. */
class SchemaVersionIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void aVersionOneFileIsKeptAsideUnderItsVersionAndANewOneStarted() throws Exception {
        Path file = dir.resolve("access-log.db");
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = old.createStatement()) {
            s.execute("CREATE TABLE access_log (id INTEGER PRIMARY KEY, start_us INTEGER NOT NULL, request_id TEXT)");
            s.execute("INSERT INTO access_log VALUES (1, 1764065730000000, 'kept-1'), (2, 1764065731000000, 'kept-2')");
            s.execute("PRAGMA user_version = 1");
        }
        List<String> heard = new CopyOnWriteArrayList<>();
        StoreListener listener = new StoreListener() {
            @Override
            public void fileSetAside(Path original, Path movedTo, String reason) {
                heard.add(movedTo.getFileName() + ": " + reason);
            }
        };

        try (AccessLogStore store = AccessLogStore.open(StoreOptions.defaults(file)
                .withClock(new MutableClock("2026-11-25T10:15:30Z")).withListener(listener))) {
            store.accept(record().id("new").build());
            await().atMost(Duration.ofSeconds(5)).until(() -> store.stats().written() == 1);
            assertThat(store.stats().filesSetAside()).isEqualTo(1);
        }

        assertThat(heard).singleElement().asString().startsWith("access-log.v1-20261125T101530Z.db: schema version 1");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("access-log.v1-20261125T101530Z.db"));
             Statement s = c.createStatement()) {
            assertThat(AccessLogStoreIntegrationTest.single(s, "SELECT group_concat(request_id) FROM access_log"))
                    .isEqualTo("kept-1,kept-2");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThat(AccessLogStoreIntegrationTest.single(s, "SELECT group_concat(request_id) FROM access_log"))
                    .isEqualTo("new");
            assertThat(AccessLogStoreIntegrationTest.single(s, "PRAGMA user_version")).isEqualTo(String.valueOf(Schema.VERSION));
        }
    }

    @Test
    void aVersionTwoFileIsUpgradedInPlaceAndItsHistogramsCountOldAndNewRecords() throws Exception {
        Path file = dir.resolve("access-log.db");
        Instant start = Instant.parse("2026-11-25T10:00:00Z");
        try (AccessLogStore store = AccessLogStore.open(StoreOptions.defaults(file))) {
            write(store, start, 0, 700); // block 0 whole, block 1 begun
        }
        // Back to version 2's shape: no block facts, flag indexes on the start time alone.
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = old.createStatement()) {
            s.execute("DROP TABLE block_facts");
            s.execute("DROP INDEX access_log_ratelimited");
            s.execute("CREATE INDEX access_log_ratelimited ON access_log(start_us) WHERE token_ratelimit_status <> 'pass'");
            s.execute("PRAGMA user_version = 2");
        }
        List<String> heard = new CopyOnWriteArrayList<>();
        StoreListener listener = new StoreListener() {
            @Override
            public void fileSetAside(Path original, Path movedTo, String reason) {
                heard.add(reason);
            }
        };

        try (AccessLogStore store = AccessLogStore.open(StoreOptions.defaults(file).withListener(listener));
             AccessLogQueries queries = AccessLogQueries.over(store)) {
            write(store, start, 700, 1_600); // the rest of block 1, then blocks 2 and 3
            LogQuery streams = LogQuery.builder().between(start.toEpochMilli(), start.plusSeconds(3_600).toEpochMilli())
                    .responseType("stream").build();
            List<SlotCounts> counts = queries.histogram(streams, 60_000);

            // Every third record is a stream, one a second: 20 a minute over 1,600 seconds.
            assertThat(counts.stream().mapToLong(SlotCounts::requests).sum()).isEqualTo(1_600 / 3 + 1);
            assertThat(counts.get(0)).isEqualTo(new SlotCounts(start.toEpochMilli(), 20, 0, 0));
        }
        assertThat(heard).isEmpty();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThat(AccessLogStoreIntegrationTest.single(s, "SELECT count(*) FROM access_log")).isEqualTo("1600");
            assertThat(AccessLogStoreIntegrationTest.single(s, "PRAGMA user_version")).isEqualTo(String.valueOf(Schema.VERSION));
            assertThat(AccessLogStoreIntegrationTest.single(s, "SELECT group_concat(name) FROM pragma_index_info("
                    + "'access_log_ratelimited')")).isEqualTo("start_us,id,response_code");
        }
    }

    /** Records {@code from} to {@code to} (exclusive), one a second from {@code start}, every third a stream. */
    private static void write(AccessLogStore store, Instant start, int from, int to) {
        long before = store.stats().written();
        for (int i = from; i < to; i++) {
            store.accept(record().id("r-" + i).start(start.plusSeconds(i)).responseType(i % 3 == 0 ? "stream" : "normal")
                    .build());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> store.stats().written() == before + to - from);
    }
}
