package dev.gatehouse.app;

import dev.gatehouse.engine.ai.auth.ApiKeyHash;
import dev.gatehouse.engine.ai.auth.ApiKeys;
import dev.gatehouse.engine.sim.LlmBackendSimulator;
import dev.gatehouse.engine.sim.SimulatorOptions;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A consumer's daily token quota survives a restart of {@code serve}: it is read back from the access log. */
class QuotaCarryOverIntegrationTest {

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();
    private final String key = ApiKeys.generate(new SecureRandom());
    private LlmBackendSimulator backend;
    private RunningGateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.stop();
        }
        if (backend != null) {
            backend.close();
        }
        client.close();
    }

    @Test
    void aQuotaUsedUpBeforeARestartStaysUsedUp() throws Exception {
        backend = new LlmBackendSimulator(SimulatorOptions.builder().models("m").host("127.0.0.1").port(0).build()).start();
        ApiKeyHash hash = ApiKeyHash.of(key, new SecureRandom());
        Path file = dir.resolve("gateway.json");
        Files.writeString(file, """
                {"pools": [{"name": "p", "healthCheck": {"enabled": false}, "endpoints": [{"host": "127.0.0.1", "port": %d}]}],
                 "routes": [{"name": "chat", "pool": "p", "match": {"path": {"kind": "exact", "value": "/v1/chat/completions"}},
                             "ai": {"requireKey": true}}],
                 "consumers": [{"name": "team-a", "keys": [{"salt": "%s", "sha256": "%s"}], "limits": {"tokensPerDay": 200}}]}
                """.formatted(backend.port(), hash.salt(), hash.hash()));

        start(file);
        int answered = 0;
        while (chat() == 200) {
            answered++;
            assertThat(answered).as("the quota of 200 tokens runs out").isLessThan(50);
        }
        assertThat(chat()).as("used up").isEqualTo(429);
        gateway.stop();
        gateway = null;

        start(file);

        assertThat(answered).isPositive();
        assertThat(chat()).as("still used up after the restart").isEqualTo(429);
    }

    @Test
    void cacheHitsBeforeARestartAreNotChargedAfterIt() throws Exception {
        backend = new LlmBackendSimulator(SimulatorOptions.builder().models("m").host("127.0.0.1").port(0).build()).start();
        ApiKeyHash hash = ApiKeyHash.of(key, new SecureRandom());
        Path file = dir.resolve("gateway.json");
        String config = """
                {"pools": [{"name": "p", "healthCheck": {"enabled": false}, "endpoints": [{"host": "127.0.0.1", "port": %d}]}],
                 "routes": [{"name": "chat", "pool": "p", "match": {"path": {"kind": "exact", "value": "/v1/chat/completions"}},
                             "ai": {"requireKey": true, "cache": {"ttl": "10m"}}}],
                 "consumers": [{"name": "team-a", "keys": [{"salt": "%s", "sha256": "%s"}], "limits": {"tokensPerDay": %d}}]}
                """;
        Files.writeString(file, config.formatted(backend.port(), hash.salt(), hash.hash(), 1_000_000));
        start(file);
        HttpResponse<String> first = send("hello there");
        for (int i = 0; i < 4; i++) {
            assertThat(send("hello there").statusCode()).isEqualTo(200);
        }
        // A request is recorded just after its answer is sent: wait for the fourth record.
        await().untilAsserted(() -> assertThat(gateway.gateway().control().metrics().total().cacheHits())
                .as("answered from the cache").isEqualTo(4));
        long charged = new com.fasterxml.jackson.databind.ObjectMapper().readTree(first.body()).at("/usage/total_tokens").asLong();
        gateway.stop();
        gateway = null;

        // Room for the one charged answer and one more, not for the four cached ones as well.
        Files.writeString(file, config.formatted(backend.port(), hash.salt(), hash.hash(), 3 * charged));
        start(file);

        assertThat(charged).isPositive();
        assertThat(send("something else").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String prompt) throws Exception {
        int port = gateway.gateway().engine().addresses().get(0).getPort();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\""
                        + prompt + "\"}]}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void start(Path file) throws Exception {
        CommandLine line = CommandLine.parse(new String[] {"--config", file.toString(), "--listen", "127.0.0.1:0",
                "--admin-listen", "127.0.0.1:0", "--home", dir.resolve("home").toString()},
                ServeCommand.VALUE_OPTIONS, ServeCommand.FLAGS);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        gateway = new ServeCommand(quiet, quiet).start(line);
    }

    private int chat() throws Exception {
        int port = gateway.gateway().engine().addresses().get(0).getPort();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
