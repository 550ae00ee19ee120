package dev.gatehouse.engine.accesslog.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 of a process that is writing loses at most the last second of records. */
class CrashSafetyIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void killNineLosesAtMostTheLastSecond() throws Exception {
        Path file = dir.resolve("log.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), KillNineChild.class.getName(), file.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long acceptedLongAgo;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            // Let it run a while, note how many it had accepted, then give it 1.5 s more before the kill.
            acceptedLongAgo = waitFor(out, 1_000);
            long noted = System.nanoTime();
            while (System.nanoTime() - noted < TimeUnit.MILLISECONDS.toNanos(1_500)) {
                assertThat(out.readLine()).as("the child stopped writing").isNotNull();
            }
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThat(AccessLogStoreIntegrationTest.single(s, "PRAGMA integrity_check")).isEqualTo("ok");
            assertThat(AccessLogStoreIntegrationTest.single(s,
                    "SELECT count(*) FROM access_log WHERE CAST(request_id AS INTEGER) <= " + acceptedLongAgo))
                    .isEqualTo(Long.toString(acceptedLongAgo));
        }
    }

    private static long waitFor(BufferedReader out, long atLeast) throws Exception {
        String line;
        while ((line = out.readLine()) != null) {
            long accepted = Long.parseLong(line.substring("accepted ".length()));
            if (accepted >= atLeast) {
                return accepted;
            }
        }
        throw new AssertionError("the child ended before accepting " + atLeast + " records");
    }
}
