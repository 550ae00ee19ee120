package dev.gatehouse.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code gatehouse ARG} tells a config file (as a file manager passes one) from a command. */
class MainTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
            "prod.gatehouse, true",
            "/not/there/prod.gatehouse, true",
            "serve, false",
            "console, false",
            "--listen, false",
            "-h, false",
            "gateway.json, false"})
    void aGatehouseFileOrAnExistingFileIsAConfigToOpen(String arg, boolean configFile) {
        assertThat(Main.isConfigFile(arg)).isEqualTo(configFile);
    }

    @Test
    void anExistingFileOfAnyNameIsAConfigToOpen() throws Exception {
        Path json = Files.writeString(dir.resolve("gateway.json"), "{}");
        assertThat(Main.isConfigFile(json.toString())).isTrue();
    }
}
