package dev.gatehouse.engine.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.EngineOptions;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.accesslog.AccessRecord;
import dev.gatehouse.engine.accesslog.AccessRecordSink;
import dev.gatehouse.engine.ai.auth.ApiKeyHash;
import dev.gatehouse.engine.config.AiRouteConfig;
import dev.gatehouse.engine.config.ApiKeyConfig;
import dev.gatehouse.engine.config.ConsumerConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.LimitsConfig;
import dev.gatehouse.engine.config.ListenerConfig;
import dev.gatehouse.engine.config.PathMatch;
import dev.gatehouse.engine.config.RateLimitConfig;
import dev.gatehouse.engine.config.RouteConfig;
import dev.gatehouse.engine.config.RouteMatch;
import dev.gatehouse.engine.sim.LlmBackendSimulator;
import dev.gatehouse.engine.sim.SimulatorOptions;
import dev.gatehouse.engine.testing.Closer;
import dev.gatehouse.engine.testing.Gateways;
import dev.gatehouse.engine.testing.MutableClock;
import dev.gatehouse.engine.testing.RawHttp;
import dev.gatehouse.engine.testing.Simulators;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Real traffic through a started gateway: the telemetry's figures are what was sent and answered. */
class TelemetryIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALICE_KEY = "gh-alice-telemetry-key-0123456789abcdefghijklmnop";
    private static final String BOB_KEY = "gh-bob-telemetry-key-0123456789abcdefghijklmnopqr";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Closer closer = new Closer();
    private final Telemetry telemetry = new Telemetry(new MutableClock("2026-11-25T12:00:00Z"));
    private final List<AccessRecord> records = new CopyOnWriteArrayList<>();
    private GatewayEngine engine;

    @AfterEach
    void closeAll() throws Exception {
        closer.close();
    }

    private void start(LlmBackendSimulator backend) throws Exception {
        InetSocketAddress at = new InetSocketAddress("127.0.0.1", backend.port());
        RouteConfig route = new RouteConfig("chat-qwen", 0,
                new RouteMatch(null, PathMatch.prefix("/v1/"), null, null, List.of("qwen")), "qwen-pool",
                AiRouteConfig.defaults());
        GatewayConfig config = new GatewayConfig(List.of(ListenerConfig.of("127.0.0.1", 0)), List.of(route),
                List.of(Gateways.pool("qwen-pool", at)), LimitsConfig.defaults(),
                List.of(consumer("alice", ALICE_KEY, null), consumer("bob", BOB_KEY, new RateLimitConfig(1L, null, null, null))));
        engine = closer.add(GatewayEngine.start(config, EngineOptions.defaults()
                .withRecords(AccessRecordSink.both(telemetry, records::add)).withActivity(telemetry)));
    }

    private static ConsumerConfig consumer(String name, String key, RateLimitConfig limits) {
        ApiKeyHash hash = ApiKeyHash.of(key, new SecureRandom());
        return new ConsumerConfig(name, List.of(new ApiKeyConfig(hash.salt(), hash.hash())), List.of(), limits);
    }

    private HttpRequest chat(String key, String model, boolean stream) {
        String body = "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"max_tokens\":6"
                + (stream ? ",\"stream_options\":{\"include_usage\":true}" : "")
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Count the requests\"}]}";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + engine.addresses().get(0).getPort() + "/v1/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return request.build();
    }

    /** The usage the client was told: {prompt, completion} tokens, from the answer or the stream's last chunk. */
    private static long[] usage(String body, boolean stream) throws Exception {
        JsonNode usage = null;
        if (stream) {
            for (String line : body.split("\n")) {
                if (line.startsWith("data: {")) {
                    JsonNode chunk = JSON.readTree(line.substring(6));
                    usage = chunk.hasNonNull("usage") ? chunk.get("usage") : usage;
                }
            }
        } else {
            usage = JSON.readTree(body).get("usage");
        }
        return new long[] {usage.get("prompt_tokens").asLong(), usage.get("completion_tokens").asLong()};
    }

    @Test
    void theSnapshotCountsExactlyTheRequestsTokensAndErrorsSent() throws Exception {
        start(Simulators.start(closer, SimulatorOptions.builder().models("qwen")
                .timeToFirstToken(Duration.ofMillis(5)).tokensPerSecond(500).baseLatency(Duration.ofMillis(2))));
        long input = 0;
        long output = 0;
        for (int i = 0; i < 8; i++) {
            boolean stream = i % 2 == 1;
            HttpResponse<String> answer = client.send(chat(ALICE_KEY, "qwen", stream), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            long[] told = usage(answer.body(), stream);
            input += told[0];
            output += told[1];
        }
        HttpResponse<String> bobFirst = client.send(chat(BOB_KEY, "qwen", false), HttpResponse.BodyHandlers.ofString());
        long[] bobTold = usage(bobFirst.body(), false);
        input += bobTold[0];
        output += bobTold[1];
        assertThat(client.send(chat(BOB_KEY, "qwen", false), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("bob may send one request a minute").isEqualTo(429);
        assertThat(client.send(chat(null, "qwen", false), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(client.send(chat("gh-nobody", "qwen", false), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(client.send(chat(ALICE_KEY, "gpt-unknown", false), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);

        await().atMost(Duration.ofSeconds(5)).until(() -> telemetry.snapshot().total().requests() == 13);
        MetricsSnapshot snapshot = telemetry.snapshot();
        KeyFigures total = snapshot.total();
        assertThat(total.requests()).isEqualTo(records.size()).isEqualTo(13);
        assertThat(total.inputTokens()).isEqualTo(input);
        assertThat(total.outputTokens()).isEqualTo(output).isEqualTo(9 * 6);
        assertThat(total.responses("2xx")).isEqualTo(9);
        assertThat(total.responses("4xx")).isEqualTo(4);
        assertThat(total.errors()).isEqualTo(4);
        assertThat(total.gatewayErrors()).isEqualTo(Map.of("rate_limit_exceeded", 1L, "invalid_api_key", 2L,
                "route_not_found", 1L));
        assertThat(total.rateLimited()).isEqualTo(1);
        assertThat(total.firstToken().count()).as("the four streams").isEqualTo(4);
        assertThat(total.latency().count()).isEqualTo(13);
        assertThat(snapshot.consumers().get("alice").requests()).isEqualTo(8);
        assertThat(snapshot.consumers().get("bob").requests()).isEqualTo(2);
        assertThat(snapshot.consumers().get("bob").rateLimited()).isEqualTo(1);
        assertThat(snapshot.models().get("qwen").outputTokens()).isEqualTo(output);
        assertThat(snapshot.pools().get("qwen-pool").requests()).as("requests that reached the pool").isEqualTo(9);
        assertThat(snapshot.endpoints()).hasSize(1);
        assertThat(snapshot.endpoints().values().iterator().next().upstream().count()).isEqualTo(9);

        List<ExpositionChecker.Sample> exposed = ExpositionChecker.parse(PrometheusRenderer.render(snapshot));
        assertThat(ExpositionChecker.value(exposed, "gatehouse_requests_total", Map.of())).isEqualTo(13);
        assertThat(ExpositionChecker.value(exposed, "gatehouse_consumer_output_tokens_total", Map.of("consumer", "alice")))
                .isEqualTo(8 * 6);
    }

    @Test
    void gaugesCountOpenConnectionsAndStreamsInFlight() throws Exception {
        start(Simulators.start(closer, SimulatorOptions.builder().models("qwen")
                .timeToFirstToken(Duration.ofMillis(5)).tokensPerSecond(10).baseLatency(Duration.ofMillis(2))));
        long before = telemetry.snapshot().activeConnections();

        try (RawHttp connection = new RawHttp(engine.addresses().get(0))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> telemetry.snapshot().activeConnections() == before + 1);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> telemetry.snapshot().activeConnections() == before);

        // Six tokens at ten a second: the stream stays open long enough to be seen.
        CompletableFuture<HttpResponse<String>> stream = client.sendAsync(chat(ALICE_KEY, "qwen", true),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(5)).until(() -> telemetry.snapshot().activeStreams() == 1);
        assertThat(stream.get().statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> telemetry.snapshot().activeStreams() == 0);
    }
}
