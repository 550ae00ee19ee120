package dev.gatehouse.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void loadsAValidFile() throws Exception {
        Path file = Files.writeString(dir.resolve("gateway.json"), ConfigCodecTest.example());

        assertThat(ConfigLoader.load(file).pool("qwen-72b").endpoints()).hasSize(2);
    }

    @Test
    void namesTheFileOnEveryLineButKeepsFieldPaths() throws Exception {
        Path file = Files.writeString(dir.resolve("gateway.json"), """
                {"routes": [{"name": "r", "pool": "qwen-72b"}], "limits": {"maxHeaderBytes": 10}}
                """);

        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(
                            file + ": routes[0].pool: no pool named \"qwen-72b\"\n"
                            + file + ": limits.maxHeaderBytes: must be at least 1024, got 10");
                    assertThat(e.errors()).containsExactly(
                            new ConfigError("routes[0].pool", "no pool named \"qwen-72b\""),
                            new ConfigError("limits.maxHeaderBytes", "must be at least 1024, got 10"));
                    assertThat(e.source()).contains(file.toString());
                });
    }

    @Test
    void namesTheFileForSyntaxErrors() throws Exception {
        Path file = Files.writeString(dir.resolve("gateway.json"), "{\"listeners\": [}\n");

        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": line 1, column 16: Unexpected close marker '}': expected ']'"
                        + " (for Array starting at [line: 1, column: 15])");
    }
}
