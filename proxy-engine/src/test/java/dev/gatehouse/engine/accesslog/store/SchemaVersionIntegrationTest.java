package dev.gatehouse.engine.accesslog.store;

import dev.gatehouse.engine.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.gatehouse.engine.testing.RecordBuilder.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An access log written by an older Gatehouse (another schema version) is kept whole, reported, and a new one started. */
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
}
