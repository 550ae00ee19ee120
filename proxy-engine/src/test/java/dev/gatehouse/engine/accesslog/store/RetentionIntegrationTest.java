package dev.gatehouse.engine.accesslog.store;

import dev.gatehouse.engine.accesslog.query.AccessLogQueries;
import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.engine.accesslog.query.MinuteAggregate;
import dev.gatehouse.engine.accesslog.query.SlotCounts;
import dev.gatehouse.engine.testing.Closer;
import dev.gatehouse.engine.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.gatehouse.engine.testing.RecordBuilder.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RetentionIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path dir;
    private final Closer closer = new Closer();
    private final MutableClock clock = new MutableClock(NOW);

    @AfterEach
    void close() throws Exception {
        closer.close();
    }

    private AccessLogStore open(Duration maxAge, long maxBytes) throws Exception {
        return closer.add(AccessLogStore.open(new StoreOptions(dir.resolve("log.db"), 100_000, Duration.ofMillis(20),
                5_000, maxAge, maxBytes, Duration.ofMillis(10), 100, clock, StoreListener.none())));
    }

    @Test
    void recordsPastTheirAgeAreDeletedInTheBackgroundAndTheRestKept() throws Exception {
        AccessLogStore store = open(Duration.ofHours(1), 0);
        // One record a minute over the last two hours, oldest first.
        for (int minute = 120; minute >= 1; minute--) {
            store.accept(record().id("m-" + minute).start(NOW.minusSeconds(minute * 60L - 1)).build());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT count(*) FROM access_log") == 60);
        assertThat(count("SELECT count(*) FROM access_log WHERE CAST(substr(request_id, 3) AS INTEGER) > 60")).isZero();

        clock.advance(Duration.ofMinutes(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT count(*) FROM access_log") == 30);
        assertThat(store.stats().retentionDeleted()).isEqualTo(90);
        // The rollup forgets the same minutes: aggregates start at the oldest record left.
        try (AccessLogQueries queries = AccessLogQueries.over(store)) {
            List<MinuteAggregate> minutes = queries.perMinute(LogQuery.all());
            assertThat(minutes).hasSize(30);
            assertThat(minutes.get(0).minuteMillis()).isEqualTo(NOW.minusSeconds(30 * 60).toEpochMilli());
            // Searches find only what is left, and the block summaries of the deleted records are gone.
            assertThat(queries.page(LogQuery.builder().text("completions").build(), null, 1_000).entries()).hasSize(30);
            // A histogram does not count the deleted records its block's facts still list.
            LogQuery normal = LogQuery.builder().between(NOW.minusSeconds(7_200).toEpochMilli(),
                    NOW.plusSeconds(3_600).toEpochMilli()).responseType("normal").build();
            assertThat(queries.histogram(normal, 60_000).stream().mapToLong(SlotCounts::requests).sum()).isEqualTo(30);
        }
        assertThat(count("SELECT count(*) FROM block_times WHERE block < (SELECT min(id) FROM access_log) / "
                + Blocks.SIZE)).isZero();

        // Every record gone: the newest block's summaries stay for the writer, but count nothing.
        clock.advance(Duration.ofHours(2));
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT count(*) FROM access_log") == 0);
        try (AccessLogQueries queries = AccessLogQueries.over(store)) {
            LogQuery normal = LogQuery.builder().between(NOW.minusSeconds(7_200).toEpochMilli(),
                    NOW.plusSeconds(3_600).toEpochMilli()).responseType("normal").build();
            assertThat(count("SELECT count(*) FROM block_facts")).isEqualTo(1);
            assertThat(queries.histogram(normal, 60_000)).isEmpty();
        }
    }

    @Test
    void theOldestRecordsGoWhenTheDatabaseOutgrowsItsSizeAndTheFileShrinks() throws Exception {
        AccessLogStore store = open(Duration.ofDays(365), 0);
        String padding = "x".repeat(300);
        for (int i = 0; i < 20_000; i++) {
            store.accept(record().id("r-" + i).start(NOW.plusMillis(i)).path("/v1/" + padding + "/" + i).build());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> store.stats().written() == 20_000);
        store.close();
        long before = Files.size(dir.resolve("log.db"));
        assertThat(before).isGreaterThan(8_000_000);

        AccessLogStore limited = open(Duration.ofDays(365), 2_000_000);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.size(dir.resolve("log.db")) < 2_500_000);
        // Retention may take a few more steps until the data is under 2 MB: stop it before comparing
        // the rows left with its count, else a step between the two reads makes them disagree.
        limited.close();
        long left = count("SELECT count(*) FROM access_log");
        // Each of these records has a path of its own, stored with the record and once more among the
        // searchable texts (kept while a record of their block is left): a few hundred fit in 2 MB,
        // fewer in 16 KiB pages (200 seen) since the size is counted in whole pages.
        assertThat(left).isBetween(100L, 10_000L);
        // What is left is the newest.
        assertThat(count("SELECT count(*) FROM access_log WHERE request_id = 'r-19999'")).isEqualTo(1);
        assertThat(count("SELECT min(CAST(substr(request_id, 3) AS INTEGER)) FROM access_log")).isEqualTo(20_000 - left);
        assertThat(limited.stats().retentionDeleted()).isEqualTo(20_000 - left);
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("log.db"));
             Statement s = c.createStatement()) {
            return Long.parseLong(AccessLogStoreIntegrationTest.single(s, sql));
        }
    }
}
