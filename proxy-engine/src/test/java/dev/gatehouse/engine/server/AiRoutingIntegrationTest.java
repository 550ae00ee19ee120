package dev.gatehouse.engine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.EngineOptions;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.accesslog.AccessRecord;
import dev.gatehouse.engine.config.AiRouteConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.LimitsConfig;
import dev.gatehouse.engine.config.ListenerConfig;
import dev.gatehouse.engine.config.PathMatch;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.config.RouteConfig;
import dev.gatehouse.engine.config.RouteMatch;
import dev.gatehouse.engine.sim.LlmBackendSimulator;
import dev.gatehouse.engine.sim.SimulatorOptions;
import dev.gatehouse.engine.testing.Closer;
import dev.gatehouse.engine.testing.Gateways;
import dev.gatehouse.engine.testing.MisbehavingOrigin;
import dev.gatehouse.engine.testing.Simulators;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Model aliases and embeddings on AI routes (open routes: no key needed). */
class AiRoutingIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AiRouteConfig OPEN = new AiRouteConfig(null, false, null, null, null, null, null, null, null, null, null);

    private final Closer closer = new Closer();
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<AccessRecord> records = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        closer.close();
    }

    private GatewayEngine gateway(PoolConfig pool, RouteConfig route) throws Exception {
        GatewayConfig config = new GatewayConfig(List.of(ListenerConfig.of("127.0.0.1", 0)), List.of(route),
                List.of(pool), LimitsConfig.defaults(), null);
        return closer.add(GatewayEngine.start(config, EngineOptions.defaults().withRecords(records::add)));
    }

    private HttpResponse<String> post(GatewayEngine engine, String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.addresses().get(0).getPort() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAliasReachesThePoolUnderItsOwnModelNameAndAnswersUnderTheAlias() throws Exception {
        LlmBackendSimulator qwen = Simulators.start(closer, SimulatorOptions.builder().models("qwen-72b")
                .baseLatency(Duration.ZERO));
        AiRouteConfig alias = new AiRouteConfig("qwen-72b", false, null, null, null, null, null, null, null, null, null);
        RouteConfig route = new RouteConfig("gpt-4o", 0,
                new RouteMatch(null, PathMatch.prefix("/v1/"), null, null, List.of("gpt-4o")), "qwen", alias);
        GatewayEngine engine = gateway(Gateways.pool("qwen", new InetSocketAddress("127.0.0.1", qwen.port())), route);

        HttpResponse<String> response = post(engine, "/v1/chat/completions",
                "{\"model\":\"gpt-4o\",\"max_tokens\":4,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("model").asText()).isEqualTo("gpt-4o");
        assertThat(qwen.stats().requestsCompleted()).as("the simulator serves only qwen-72b").isEqualTo(1);
    }

    @Test
    void embeddingsAreForwardedAndTheirInputTokensCounted() throws Exception {
        AtomicReference<String> received = new AtomicReference<>();
        String answer = "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.1,0.2]}],"
                + "\"model\":\"bge-m3\",\"usage\":{\"prompt_tokens\":5,\"total_tokens\":5}}";
        MisbehavingOrigin origin = closer.add(MisbehavingOrigin.start((request, connection) -> {
            received.set(request.target() + " " + new String(request.body(), StandardCharsets.UTF_8));
            connection.respond(200, answer);
        }));
        RouteConfig route = new RouteConfig("embed", 0,
                new RouteMatch(null, PathMatch.prefix("/v1/"), null, null, List.of("bge-m3")), "embed", OPEN);
        GatewayEngine engine = gateway(Gateways.pool("embed", origin.address()), route);

        HttpResponse<String> response = post(engine, "/v1/embeddings", "{\"model\":\"bge-m3\",\"input\":\"hello world\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.at("/data/0/embedding/1").asDouble()).isEqualTo(0.2);
        assertThat(received.get()).startsWith("/v1/embeddings ").contains("\"input\":\"hello world\"");
        await().atMost(Duration.ofSeconds(5)).until(() -> !records.isEmpty());
        assertThat(records.get(0).api()).isEqualTo("embeddings");
        assertThat(records.get(0).inputTokens()).isEqualTo(5);
        assertThat(records.get(0).outputTokens()).isZero();
    }
}
