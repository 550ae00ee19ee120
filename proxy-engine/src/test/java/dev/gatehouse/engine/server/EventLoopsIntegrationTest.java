package dev.gatehouse.engine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.EngineOptions;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.sim.LlmBackendSimulator;
import dev.gatehouse.engine.sim.SimulatorOptions;
import dev.gatehouse.engine.testing.Closer;
import dev.gatehouse.engine.testing.Gateways;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The basic proxy path on one event loop and on several (Zuul's single/multi event loop suites):
 * upstream connections live on their client's loop, so both must behave the same.
 */
class EventLoopsIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Closer closer = new Closer();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private LlmBackendSimulator backend;

    @AfterEach
    void closeAll() throws Exception {
        closer.close();
        client.close();
    }

    private URI gateway(int workerThreads, String path) throws Exception {
        backend = closer.add(new LlmBackendSimulator(SimulatorOptions.builder().models("m")
                .timeToFirstToken(Duration.ofMillis(20)).tokensPerSecond(50).baseLatency(Duration.ofMillis(5))
                .maxNumSeqs(64).build()).start());
        GatewayEngine engine = closer.add(GatewayEngine.start(
                Gateways.oneRoute(Gateways.pool("p", new InetSocketAddress("127.0.0.1", backend.port()))),
                EngineOptions.defaults().withWorkerThreads(workerThreads)));
        return URI.create("http://127.0.0.1:" + engine.addresses().get(0).getPort() + path);
    }

    @ParameterizedTest(name = "{0} event loop(s)")
    @ValueSource(ints = {1, 4})
    void forwardsRequestBodyAndAnswer(int workerThreads) throws Exception {
        URI echo = gateway(workerThreads, "/echo/path?q=1");
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(echo).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(5000))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode echoed = JSON.readTree(response.body());
        assertThat(echoed.get("method").asText()).isEqualTo("POST");
        assertThat(echoed.get("uri").asText()).isEqualTo("/echo/path?q=1");
        assertThat(echoed.get("bodyLength").asInt()).isEqualTo(5000);
    }

    @ParameterizedTest(name = "{0} event loop(s)")
    @ValueSource(ints = {1, 4})
    void largeResponseArrivesWhole(int workerThreads) throws Exception {
        URI bytes = gateway(workerThreads, "/bytes/1000000");
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(bytes).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).hasSize(1_000_000);
        assertThat(new String(response.body(), 0, 9, StandardCharsets.US_ASCII)).isEqualTo("{\"data\":\"");
    }

    @ParameterizedTest(name = "{0} event loop(s)")
    @ValueSource(ints = {1, 4})
    void concurrentStreamsEachArriveCompleteAndInOrder(int workerThreads) throws Exception {
        URI chat = gateway(workerThreads, "/v1/chat/completions");
        List<CompletableFuture<HttpResponse<InputStream>>> sent = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            sent.add(client.sendAsync(HttpRequest.newBuilder(chat).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"stream\":true,\"max_tokens\":10,"
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"hello " + i + "\"}]}")).build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
        }
        for (CompletableFuture<HttpResponse<InputStream>> future : sent) {
            HttpResponse<InputStream> response = future.get(10, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            List<String> events = dataLines(response.body());
            assertThat(events).hasSize(12).last().isEqualTo("data: [DONE]");
            for (int token = 0; token < 10; token++) {
                assertThat(JSON.readTree(events.get(token).substring(6)).at("/choices/0/delta/content").asText())
                        .isNotEmpty();
            }
            assertThat(JSON.readTree(events.get(10).substring(6)).at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        }
        assertThat(backend.stats().requestsCompleted()).isEqualTo(16);
    }

    private static List<String> dataLines(InputStream body) throws Exception {
        List<String> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data:")) {
                    events.add(line);
                }
            }
        }
        return events;
    }
}
