package dev.gatehouse.engine.accesslog.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class BackgroundCheckpointIntegrationTest {

    private static final long DUE_BYTES = 256 * 1024;

    @TempDir
    Path dir;

    private DatabaseFile file;
    private Connection writer;
    private PreparedStatement insert;
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private int rowsWritten;
    private long largestLog;

    @BeforeEach
    void openWriter() throws SQLException {
        file = new DatabaseFile(dir.resolve("log.db"), Clock.systemUTC(), StoreListener.none());
        writer = file.openWriter();
        try (Statement statement = writer.createStatement()) {
            statement.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)");
        }
        writer.commit();
        insert = writer.prepareStatement("INSERT INTO filler (payload) VALUES (?)");
    }

    @AfterEach
    void closeWriter() throws SQLException {
        insert.close();
        writer.close();
    }

    @Test
    void theLogIsCopiedIntoTheFileAndEmptiedWhileTheWriterGoesOn() throws Exception {
        try (BackgroundCheckpoint checkpoint = new BackgroundCheckpoint(file, DUE_BYTES, failures::add)) {
            // Batches of 64 KiB, committed one after another as the writer does, until the log is emptied.
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                commitBatch(checkpoint);
                return rowsWritten > 8 && walBytes() == 0;
            });
        }

        assertThat(largestLog).isGreaterThanOrEqualTo(DUE_BYTES);
        assertThat(rowsInTheFile()).isEqualTo(rowsWritten);
        assertThat(failures).isEmpty();
    }

    @Test
    void aReaderStillInTheLogHoldsTheEmptyingBackWithoutHoldingUpTheWriter() throws Exception {
        try (BackgroundCheckpoint checkpoint = new BackgroundCheckpoint(file, DUE_BYTES, failures::add);
             Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file.path());
             Statement reading = reader.createStatement()) {
            commitBatch(checkpoint);
            // A read transaction on a snapshot that is in the log: the log may not be emptied under it.
            reading.execute("BEGIN");
            try (ResultSet count = reading.executeQuery("SELECT count(*) FROM filler")) {
                count.next();
            }
            // Every commit returns at once (the writer's busy timeout is 10 s): the log only grows.
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                for (int i = 0; i < 40; i++) {
                    commitBatch(checkpoint);
                }
            });
            assertThat(walBytes()).isGreaterThanOrEqualTo(DUE_BYTES);

            reading.execute("COMMIT");
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                commitBatch(checkpoint);
                return walBytes() == 0;
            });
        }

        assertThat(rowsInTheFile()).isEqualTo(rowsWritten);
        assertThat(failures).isEmpty();
    }

    private void commitBatch(BackgroundCheckpoint checkpoint) throws Exception {
        for (int i = 0; i < 16; i++) {
            insert.setBytes(1, new byte[4096]);
            insert.executeUpdate();
            rowsWritten++;
        }
        writer.commit();
        largestLog = Math.max(largestLog, walBytes());
        checkpoint.finishOn(writer);
    }

    private long walBytes() throws IOException {
        Path wal = dir.resolve("log.db-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }

    /** Read from the database file alone: the log is set aside first (with the writer still open, it is empty). */
    private int rowsInTheFile() throws Exception {
        Path copy = dir.resolve("copy.db");
        Files.copy(file.path(), copy);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
             Statement s = c.createStatement();
             ResultSet count = s.executeQuery("SELECT count(*) FROM filler")) {
            count.next();
            return count.getInt(1);
        }
    }
}
