package dev.gatehouse.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.ai.auth.ApiKeyHash;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

class KeygenCommandTest {

    @Test
    void printsAKeyAndAConfigEntryWhoseHashMatchesItButDoesNotContainIt() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"keygen", "--consumer", "alice"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");

        assertThat(exit).isZero();
        String key = lines[1].trim();
        JsonNode entry = new ObjectMapper().readTree(lines[3].trim());
        JsonNode stored = entry.path("keys").get(0);
        assertThat(key).startsWith("gh-");
        assertThat(entry.path("name").asText()).isEqualTo("alice");
        assertThat(lines[3]).doesNotContain(key);
        assertThat(new ApiKeyHash(ApiKeyHash.SHA256, stored.path("salt").asText(), stored.path("sha256").asText())
                .matches(key)).isTrue();
    }

    @Test
    void twoRunsGiveTwoDifferentKeys() {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        PrintStream devNull = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        new KeygenCommand(new PrintStream(first, true, StandardCharsets.UTF_8), devNull, new SecureRandom()).run(new String[0]);
        new KeygenCommand(new PrintStream(second, true, StandardCharsets.UTF_8), devNull, new SecureRandom()).run(new String[0]);
        assertThat(first.toString(StandardCharsets.UTF_8).split("\n")[1])
                .isNotEqualTo(second.toString(StandardCharsets.UTF_8).split("\n")[1]);
    }
}
