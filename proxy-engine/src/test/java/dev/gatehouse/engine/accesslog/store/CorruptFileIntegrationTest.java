package dev.gatehouse.engine.accesslog.store;

import dev.gatehouse.engine.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.gatehouse.engine.testing.RecordBuilder.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A database file that is not one, or is damaged, is moved aside with a UTC stamp and a new one started. */
class CorruptFileIntegrationTest {

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock("2026-11-25T10:15:30Z");
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final StoreListener listener = new StoreListener() {
        @Override
        public void fileSetAside(Path original, Path movedTo, String reason) {
            heard.add(original.getFileName() + " -> " + movedTo.getFileName());
        }
    };

    @Test
    void aFileOfGarbageIsSetAsideAndANewDatabaseStarted() throws Exception {
        Path file = dir.resolve("access-log.db");
        byte[] garbage = new byte[10_000];
        new Random(7).nextBytes(garbage);
        Files.write(file, garbage);
        Files.write(dir.resolve("access-log.db-wal"), new byte[] {1, 2, 3});

        try (AccessLogStore store = AccessLogStore.open(options(file))) {
            Path aside = dir.resolve("access-log.corrupt-20261125T101530Z.db");
            assertThat(aside).hasBinaryContent(garbage);
            assertThat(dir.resolve("access-log.corrupt-20261125T101530Z.db-wal")).hasBinaryContent(new byte[] {1, 2, 3});
            assertThat(heard).containsExactly("access-log.db -> access-log.corrupt-20261125T101530Z.db");
            assertThat(store.stats().filesSetAside()).isEqualTo(1);

            store.accept(record().build());
            await().atMost(Duration.ofSeconds(5)).until(() -> store.stats().written() == 1);
        }
    }

    @Test
    void aHealthyDatabaseThatIsBusyIsNotSetAsideButTheOpenFails() throws Exception {
        Path file = dir.resolve("access-log.db");
        try (AccessLogStore store = AccessLogStore.open(options(file))) {
            store.accept(record().build());
        }
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement lock = other.createStatement()) {
            lock.execute("PRAGMA locking_mode = EXCLUSIVE");
            lock.execute("BEGIN EXCLUSIVE");

            assertThatThrownBy(() -> AccessLogStore.open(options(file))).isInstanceOf(SQLException.class);

            assertThat(heard).isEmpty();
            assertThat(dir).isDirectoryNotContaining("glob:**corrupt*");
        }
        try (AccessLogStore store = AccessLogStore.open(options(file))) {
            assertThat(store.stats().filesSetAside()).isZero();
        }
    }

    @Test
    void aTruncatedDatabaseIsSetAsideAndANewOneStarted() throws Exception {
        Path file = dir.resolve("access-log.db");
        try (AccessLogStore store = AccessLogStore.open(options(file))) {
            for (int i = 0; i < 20_000; i++) {
                store.accept(record().id("r-" + i).path("/v1/chat/completions/" + i).build());
            }
        }
        long size = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size / 2);
        }

        try (AccessLogStore store = AccessLogStore.open(options(file))) {
            assertThat(heard).containsExactly("access-log.db -> access-log.corrupt-20261125T101530Z.db");
            assertThat(Files.size(dir.resolve("access-log.corrupt-20261125T101530Z.db"))).isEqualTo(size / 2);
            store.accept(record().id("fresh").build());
            await().atMost(Duration.ofSeconds(5)).until(() -> store.stats().written() == 1);
        }
        // The new file holds only what was written after the old one was set aside.
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); var s = c.createStatement()) {
            assertThat(AccessLogStoreIntegrationTest.single(s, "SELECT group_concat(request_id) FROM access_log"))
                    .isEqualTo("fresh");
        }
    }

    @Test
    void aSoundDatabaseIsKept() throws Exception {
        Path file = dir.resolve("access-log.db");
        try (AccessLogStore store = AccessLogStore.open(options(file))) {
            store.accept(record().build());
        }
        try (AccessLogStore store = AccessLogStore.open(options(file))) {
            assertThat(store.stats().filesSetAside()).isZero();
        }
        assertThat(heard).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains("corrupt"));
        }
    }

    private StoreOptions options(Path file) {
        return StoreOptions.defaults(file).withClock(clock).withListener(listener);
    }
}
