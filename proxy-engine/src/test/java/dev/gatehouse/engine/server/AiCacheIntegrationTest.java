package dev.gatehouse.engine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.ai.auth.ApiKeyHash;
import dev.gatehouse.engine.config.AiRouteConfig;
import dev.gatehouse.engine.config.ApiKeyConfig;
import dev.gatehouse.engine.config.CacheConfig;
import dev.gatehouse.engine.config.ConsumerConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.LimitsConfig;
import dev.gatehouse.engine.config.ListenerConfig;
import dev.gatehouse.engine.config.PathMatch;
import dev.gatehouse.engine.config.RouteConfig;
import dev.gatehouse.engine.config.RouteMatch;
import dev.gatehouse.engine.sim.LlmBackendSimulator;
import dev.gatehouse.engine.sim.SimulatorOptions;
import dev.gatehouse.engine.testing.Closer;
import dev.gatehouse.engine.testing.Gateways;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** An AI route with its response cache on: identical requests of one consumer are answered once by the backend. */
class AiCacheIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALICE_KEY = "gh-alice-cache-key-0123456789abcdefghijklmnopqr";
    private static final String BOB_KEY = "gh-bob-cache-key-0123456789abcdefghijklmnopqrstu";

    private final Closer closer = new Closer();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private LlmBackendSimulator backend;
    private GatewayEngine engine;

    @BeforeEach
    void startBackendAndGateway() throws Exception {
        backend = closer.add(new LlmBackendSimulator(SimulatorOptions.builder().models("qwen").host("127.0.0.1").port(0)
                .timeToFirstToken(Duration.ofMillis(10)).tokensPerSecond(400).baseLatency(Duration.ofMillis(5))
                .build()).start());
        AiRouteConfig cached = new AiRouteConfig(null, null, null, null, null, null, null, null,
                new CacheConfig(true, null, null), null, null);
        RouteConfig route = new RouteConfig("chat-qwen", 0,
                new RouteMatch(null, PathMatch.prefix("/v1/"), null, null, List.of("qwen")), "qwen", cached);
        engine = closer.add(GatewayEngine.start(new GatewayConfig(List.of(ListenerConfig.of("127.0.0.1", 0)),
                List.of(route), List.of(Gateways.pool("qwen", new InetSocketAddress("127.0.0.1", backend.port()))),
                LimitsConfig.defaults(), List.of(consumer("alice", ALICE_KEY), consumer("bob", BOB_KEY)))));
    }

    @AfterEach
    void closeAll() throws Exception {
        closer.close();
    }

    private static ConsumerConfig consumer(String name, String key) {
        ApiKeyHash hash = ApiKeyHash.of(key, new SecureRandom());
        return new ConsumerConfig(name, List.of(new ApiKeyConfig(hash.salt(), hash.hash())), List.of(), null);
    }

    private HttpResponse<String> chat(String key, boolean stream) throws IOException, InterruptedException {
        String body = "{\"model\":\"qwen\",\"stream\":" + stream + ",\"max_tokens\":16,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"What does a response cache save?\"}]}";
        return client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + engine.addresses().get(0).getPort() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String content(HttpResponse<String> whole) throws IOException {
        assertThat(whole.statusCode()).isEqualTo(200);
        return JSON.readTree(whole.body()).at("/choices/0/message/content").asText();
    }

    private static String streamedContent(HttpResponse<String> stream) throws IOException {
        List<JsonNode> chunks = new ArrayList<>();
        for (String line : stream.body().split("\n")) {
            if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                chunks.add(JSON.readTree(line.substring(6)));
            }
        }
        return chunks.stream().map(c -> c.at("/choices/0/delta/content").asText(""))
                .collect(Collectors.joining());
    }

    @Test
    void identicalRequestIsAnsweredFromTheCache() throws Exception {
        String first = content(chat(ALICE_KEY, false));
        String second = content(chat(ALICE_KEY, false));

        assertThat(second).isNotEmpty().isEqualTo(first);
        assertThat(backend.stats().requestsReceived()).isEqualTo(1);
    }

    @Test
    void streamedRequestIsReplayedFromTheCachedAnswer() throws Exception {
        String whole = content(chat(ALICE_KEY, false));

        HttpResponse<String> stream = chat(ALICE_KEY, true);

        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(stream.body()).endsWith("data: [DONE]\n\n");
        assertThat(streamedContent(stream)).isEqualTo(whole);
        assertThat(backend.stats().requestsReceived()).isEqualTo(1);
    }

    @Test
    void anotherConsumersIdenticalRequestGoesToTheBackend() throws Exception {
        String alices = content(chat(ALICE_KEY, false));

        String bobs = content(chat(BOB_KEY, false));

        assertThat(backend.stats().requestsReceived()).isEqualTo(2);
        assertThat(bobs).as("the simulator answers the same prompt the same way").isEqualTo(alices);
    }
}
