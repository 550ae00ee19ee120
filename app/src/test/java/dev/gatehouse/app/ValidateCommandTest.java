package dev.gatehouse.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int validate(String... args) {
        return Main.run(prepend("validate", args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Test
    void validFileExitsZeroAndSaysWhatItHolds() throws Exception {
        Path file = dir.resolve("ok.json");
        Files.writeString(file, """
                {"pools": [{"name": "qwen-72b", "endpoints": [{"host": "127.0.0.1", "port": 9001}]}],
                 "routes": [{"name": "chat", "pool": "qwen-72b"}]}
                """);
        assertThat(validate(file.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("valid (0 listeners, 1 pools, 1 routes)");
    }

    @Test
    void invalidFileListsEveryErrorWithItsPathAndExitsOne() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, """
                {"pools": [{"name": "llama", "endpoints": [{"host": "127.0.0.1", "port": 70000}]}],
                 "routes": [{"name": "chat", "pool": "qwen-72b"}]}
                """);
        assertThat(validate(file.toString())).isEqualTo(1);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(errors).contains("2 errors")
                .contains("routes[0].pool: no pool named \"qwen-72b\"")
                .contains("pools[0].endpoints[0].port:");
    }

    @Test
    void missingFileArgumentIsAUsageError() {
        assertThat(validate()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: gatehouse validate FILE");
    }

    @Test
    void unreadableFileIsReported() {
        assertThat(validate(dir.resolve("missing.json").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing.json");
    }
}
