package dev.gatehouse.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return new ConsoleCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, null).run(args);
    }

    @Test
    void withoutADisplayItSaysSoAndSuggestsServe() {
        int exit = run(Map.of("DISPLAY", ""));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("no display found")
                .contains("gatehouse serve --demo");
    }

    @Test
    void anX11OrWaylandDisplayOrMonocleIsEnough() {
        assertThat(ConsoleCommand.missingDisplay("Linux", Map.of("DISPLAY", ":99"), null)).isEmpty();
        assertThat(ConsoleCommand.missingDisplay("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), null)).isEmpty();
        assertThat(ConsoleCommand.missingDisplay("Linux", Map.of(), "Monocle")).isEmpty();
        assertThat(ConsoleCommand.missingDisplay("Windows 11", Map.of(), null)).isEmpty();
        assertThat(ConsoleCommand.missingDisplay("FreeBSD", Map.of(), null)).isPresent();
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        int exit = run(Map.of("DISPLAY", ":99"), "--colour", "blue");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --colour").contains("Usage: gatehouse");
    }
}
