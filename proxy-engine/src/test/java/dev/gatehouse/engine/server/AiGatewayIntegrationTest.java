package dev.gatehouse.engine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.EngineOptions;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.accesslog.AccessRecord;
import dev.gatehouse.engine.ai.auth.ApiKeyHash;
import dev.gatehouse.engine.config.AiRouteConfig;
import dev.gatehouse.engine.config.ApiKeyConfig;
import dev.gatehouse.engine.config.ConsumerConfig;
import dev.gatehouse.engine.config.FallbackConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.GuardConfig;
import dev.gatehouse.engine.config.LimitsConfig;
import dev.gatehouse.engine.config.ListenerConfig;
import dev.gatehouse.engine.config.PathMatch;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.config.RateLimitConfig;
import dev.gatehouse.engine.config.RouteConfig;
import dev.gatehouse.engine.config.RouteMatch;
import dev.gatehouse.engine.sim.LlmBackendSimulator;
import dev.gatehouse.engine.sim.SimulatorOptions;
import dev.gatehouse.engine.testing.Closer;
import dev.gatehouse.engine.testing.Gateways;
import dev.gatehouse.engine.testing.Simulators;
import dev.gatehouse.engine.testing.MisbehavingOrigin;
import org.junit.jupiter.api.AfterEach;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** AI routes end to end: keys, accounting, streaming usage, fallback, limits, guard, models. */
class AiGatewayIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALICE_KEY = "gh-alice-test-key-0123456789abcdefghijklmnopqrstu";
    private static final String BOB_KEY = "gh-bob-test-key-0123456789abcdefghijklmnopqrstuvw";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Closer closer = new Closer();
    private GatewayEngine engine;
    private final List<AccessRecord> records = new CopyOnWriteArrayList<>();

    /** The record of the {@code n}th request (0-based), once its exchange has ended. */
    private AccessRecord record(int n) {
        await().atMost(Duration.ofSeconds(5)).until(() -> records.size() > n);
        return records.get(n);
    }

    @AfterEach
    void closeAll() throws Exception {
        closer.close();
    }

    private LlmBackendSimulator backend(SimulatorOptions.Builder options) {
        return Simulators.start(closer, options);
    }

    private LlmBackendSimulator fastBackend(String model) {
        return backend(SimulatorOptions.builder().models(model).timeToFirstToken(Duration.ofMillis(10))
                .tokensPerSecond(200).baseLatency(Duration.ofMillis(5)));
    }

    private static ConsumerConfig consumer(String name, String key, RateLimitConfig limits) {
        ApiKeyHash hash = ApiKeyHash.of(key, RANDOM);
        return new ConsumerConfig(name, List.of(new ApiKeyConfig(hash.salt(), hash.hash())), List.of(), limits);
    }

    private static PoolConfig pool(String name, InetSocketAddress... upstreams) {
        return Gateways.pool(name, upstreams);
    }

    private static InetSocketAddress at(LlmBackendSimulator sim) {
        return new InetSocketAddress("127.0.0.1", sim.port());
    }

    private static RouteConfig aiRoute(String model, String pool, AiRouteConfig ai) {
        return new RouteConfig("chat-" + model, 0,
                new RouteMatch(null, PathMatch.prefix("/v1/"), null, null, List.of(model)), pool, ai);
    }

    private static AiRouteConfig ai(List<FallbackConfig> fallback, Duration firstTokenTimeout, RateLimitConfig limits,
                                    GuardConfig guard) {
        return new AiRouteConfig(null, true, fallback, 0, Duration.ZERO, firstTokenTimeout, null, limits, null, guard, null);
    }

    private GatewayEngine start(List<PoolConfig> pools, List<RouteConfig> routes, List<ConsumerConfig> consumers)
            throws Exception {
        GatewayConfig config = new GatewayConfig(List.of(ListenerConfig.of("127.0.0.1", 0)), routes, pools,
                LimitsConfig.defaults(), consumers);
        engine = GatewayEngine.start(config, EngineOptions.defaults().withRecords(records::add));
        closer.add(engine);
        return engine;
    }

    private HttpResponse<String> post(String key, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + engine.addresses().get(0).getPort() + "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String chat(String model, boolean stream, String extra) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"max_tokens\":8" + extra
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Say something about gateways\"}]}";
    }

    private static List<JsonNode> events(String sse) throws IOException {
        List<JsonNode> chunks = new ArrayList<>();
        for (String line : sse.split("\n")) {
            if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                chunks.add(JSON.readTree(line.substring(6)));
            }
        }
        return chunks;
    }

    private static String content(List<JsonNode> chunks) {
        return chunks.stream().map(c -> c.path("choices").path(0).path("delta").path("content").asText(""))
                .collect(Collectors.joining());
    }

    @Test
    void answersLikeTheBackendWithAValidKeyAndRefusesWithoutOne() throws Exception {
        LlmBackendSimulator qwen = fastBackend("qwen");
        start(List.of(pool("qwen", at(qwen))), List.of(aiRoute("qwen", "qwen", AiRouteConfig.defaults())),
                List.of(consumer("alice", ALICE_KEY, null)));

        HttpResponse<String> ok = post(ALICE_KEY, chat("qwen", false, ""));
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(ok.body());
        assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(8);
        assertThat(body.at("/usage/total_tokens").asInt())
                .isEqualTo(body.at("/usage/prompt_tokens").asInt() + 8);

        HttpResponse<String> missing = post(null, chat("qwen", false, ""));
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(missing.body()).at("/error/type").asText()).isEqualTo("invalid_api_key");

        HttpResponse<String> wrong = post("gh-not-a-real-key-at-all", chat("qwen", false, ""));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("gh-not-a-real-key-at-all");
        assertThat(qwen.stats().requestsReceived()).as("refused requests never reach the backend").isEqualTo(1);

        AccessRecord served = record(0);
        assertThat(served.api()).isEqualTo("chat.completions");
        assertThat(served.consumer()).isEqualTo("alice");
        assertThat(served.model()).isEqualTo("qwen");
        assertThat(served.outputTokens()).isEqualTo(8);
        assertThat(served.inputTokens()).isEqualTo(body.at("/usage/prompt_tokens").asLong());
        assertThat(served.tokensEstimated()).isFalse();
        assertThat(served.responseType()).isEqualTo("normal");
        assertThat(served.tokenRatelimitStatus()).isEqualTo("pass");
        assertThat(record(1).responseCode()).isEqualTo(401);
        assertThat(record(1).responseCodeDetails()).isEqualTo("invalid_api_key");
        record(2);
        assertThat(records.toString()).as("request records never carry a key")
                .doesNotContain(ALICE_KEY).doesNotContain("gh-not-a-real-key-at-all");
    }

    @Test
    void streamUsageIsCountedButTheUsageChunkReachesOnlyClientsThatAskedForIt() throws Exception {
        LlmBackendSimulator qwen = fastBackend("qwen");
        start(List.of(pool("qwen", at(qwen))), List.of(aiRoute("qwen", "qwen", AiRouteConfig.defaults())),
                List.of(consumer("alice", ALICE_KEY, null)));

        HttpResponse<String> plain = post(ALICE_KEY, chat("qwen", true, ""));
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).endsWith("data: [DONE]\n\n");
        assertThat(events(plain.body())).noneMatch(c -> c.hasNonNull("usage") && c.path("choices").isEmpty());

        HttpResponse<String> asked = post(ALICE_KEY, chat("qwen", true, ",\"stream_options\":{\"include_usage\":true}"));
        List<JsonNode> chunks = events(asked.body());
        JsonNode usage = chunks.get(chunks.size() - 1).path("usage");
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(8);
        assertThat(content(events(plain.body()))).isEqualTo(content(chunks));
        for (AccessRecord streamed : List.of(record(0), record(1))) {
            assertThat(streamed.responseType()).isEqualTo("stream");
            assertThat(streamed.outputTokens()).as("counted whether or not the client asked").isEqualTo(8);
            assertThat(streamed.tokensEstimated()).isFalse();
            assertThat(streamed.firstTokenNanos()).isPositive().isLessThanOrEqualTo(streamed.serviceNanos());
        }
    }

    @Test
    void failingPrimaryFallsBackToTheNextPoolBeforeAnyByteReachedTheClient() throws Exception {
        LlmBackendSimulator broken = backend(SimulatorOptions.builder().models("qwen").errorRate(1.0));
        LlmBackendSimulator spare = fastBackend("qwen");
        start(List.of(pool("primary", at(broken)), pool("spare", at(spare))),
                List.of(aiRoute("qwen", "primary", ai(List.of(new FallbackConfig("spare", null)), null, null, null))),
                List.of(consumer("alice", ALICE_KEY, null)));

        HttpResponse<String> response = post(ALICE_KEY, chat("qwen", true, ""));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
        assertThat(broken.stats().errorsInjected()).isEqualTo(1);
        assertThat(spare.stats().requestsCompleted()).isEqualTo(1);
        assertThat(record(0).fallbackFrom()).isEqualTo("primary");
        assertThat(record(0).upstreamCluster()).isEqualTo("spare");
    }

    @Test
    void slowFirstTokenTriggersTheFallback() throws Exception {
        LlmBackendSimulator slow = backend(SimulatorOptions.builder().models("qwen").timeToFirstToken(Duration.ofSeconds(5)));
        LlmBackendSimulator spare = fastBackend("qwen");
        start(List.of(pool("primary", at(slow)), pool("spare", at(spare))),
                List.of(aiRoute("qwen", "primary",
                        ai(List.of(new FallbackConfig("spare", null)), Duration.ofMillis(300), null, null))),
                List.of(consumer("alice", ALICE_KEY, null)));

        long startNanos = System.nanoTime();
        HttpResponse<String> response = post(ALICE_KEY, chat("qwen", true, ""));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(content(events(response.body()))).isNotEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isLessThan(Duration.ofSeconds(4));
        assertThat(spare.stats().requestsCompleted()).isEqualTo(1);
    }

    @Test
    void noFallbackOnceTheStreamHasStarted() throws Exception {
        // The primary sends one token, then breaks the connection: the client keeps what it got.
        MisbehavingOrigin breaking = MisbehavingOrigin.start((request, connection) -> {
            connection.write("HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n");
            String event = "data: {\"object\":\"chat.completion.chunk\",\"model\":\"qwen\",\"choices\":[{\"index\":0,"
                    + "\"delta\":{\"role\":\"assistant\",\"content\":\"Hello\"}}]}\n\n";
            connection.write(Integer.toHexString(event.length()) + "\r\n" + event + "\r\n");
            connection.reset();
        });
        closer.add(breaking);
        LlmBackendSimulator spare = fastBackend("qwen");
        start(List.of(pool("primary", breaking.address()), pool("spare", at(spare))),
                List.of(aiRoute("qwen", "primary", ai(List.of(new FallbackConfig("spare", null)), null, null, null))),
                List.of(consumer("alice", ALICE_KEY, null)));

        String received;
        try {
            received = post(ALICE_KEY, chat("qwen", true, "")).body();
        } catch (IOException cutShort) {
            received = "";
        }
        assertThat(received).doesNotContain("[DONE]");
        assertThat(spare.stats().requestsReceived()).as("no fallback after the first byte").isZero();
    }

    @Test
    void aConsumerOverItsTokenLimitGets429WhileAnotherIsUnaffected() throws Exception {
        LlmBackendSimulator qwen = fastBackend("qwen");
        RateLimitConfig tight = new RateLimitConfig(null, 40L, null, null);
        start(List.of(pool("qwen", at(qwen))), List.of(aiRoute("qwen", "qwen", AiRouteConfig.defaults())),
                List.of(consumer("alice", ALICE_KEY, tight), consumer("bob", BOB_KEY, null)));

        assertThat(post(ALICE_KEY, chat("qwen", false, "")).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = post(ALICE_KEY, chat("qwen", false, ""));
        for (int i = 0; i < 3 && limited.statusCode() == 200; i++) {
            limited = post(ALICE_KEY, chat("qwen", false, ""));
        }
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(limited.body()).at("/error/type").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(limited.headers().firstValue("retry-after")).isPresent();
        // Records are handed over as the exchange ends, a moment after the client has its answer.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(records)
                .anyMatch(r -> r.responseCode() == 429 && r.tokenRatelimitStatus().startsWith("limited")));
        assertThat(post(BOB_KEY, chat("qwen", false, "")).statusCode()).isEqualTo(200);
    }

    @Test
    void guardMasksAWordSplitAcrossTwoStreamedChunks() throws Exception {
        LlmBackendSimulator qwen = fastBackend("qwen");
        start(List.of(pool("qwen", at(qwen))), List.of(aiRoute("qwen", "qwen", AiRouteConfig.defaults())),
                List.of(consumer("alice", ALICE_KEY, null)));
        // The simulator answers a prompt the same way every time, one word per chunk: learn the
        // answer, then guard against two neighbouring words, which must span two chunks.
        List<JsonNode> learned = events(post(ALICE_KEY, chat("qwen", true, "")).body());
        String first = learned.get(2).path("choices").path(0).path("delta").path("content").asText();
        String second = learned.get(3).path("choices").path(0).path("delta").path("content").asText();
        String phrase = (first + second).trim();
        assertThat(phrase).contains(" ");

        GuardConfig guard = new GuardConfig(List.of(phrase), "mask", false, true);
        engine.apply(engine.config().withRoutes(List.of(aiRoute("qwen", "qwen", ai(null, null, null, guard)))));
        String masked = content(events(post(ALICE_KEY, chat("qwen", true, "")).body()));

        assertThat(masked).doesNotContain(phrase).contains("*".repeat(phrase.codePointCount(0, phrase.length())));
        assertThat(masked.length()).isEqualTo(content(learned).length());
        assertThat(record(1).safecheckStatus()).isEqualTo("mask");
    }

    @Test
    void modelsListsWhatTheConsumerMayUse() throws Exception {
        LlmBackendSimulator qwen = fastBackend("qwen");
        LlmBackendSimulator llama = fastBackend("llama");
        ConsumerConfig limited = new ConsumerConfig("carol", consumer("carol", ALICE_KEY, null).keys(), List.of("qwen"), null);
        start(List.of(pool("qwen", at(qwen)), pool("llama", at(llama))),
                List.of(aiRoute("qwen", "qwen", AiRouteConfig.defaults()), aiRoute("llama", "llama", AiRouteConfig.defaults())),
                List.of(limited, consumer("bob", BOB_KEY, null)));
        URI models = URI.create("http://127.0.0.1:" + engine.addresses().get(0).getPort() + "/v1/models");

        JsonNode forCarol = JSON.readTree(client.send(HttpRequest.newBuilder(models)
                .header("Authorization", "Bearer " + ALICE_KEY).build(), HttpResponse.BodyHandlers.ofString()).body());
        JsonNode forBob = JSON.readTree(client.send(HttpRequest.newBuilder(models)
                .header("x-api-key", BOB_KEY).build(), HttpResponse.BodyHandlers.ofString()).body());

        assertThat(forCarol.path("data").findValuesAsText("id")).containsExactly("qwen");
        assertThat(forBob.path("data").findValuesAsText("id")).containsExactly("llama", "qwen");
        HttpResponse<String> carolAsksLlama = post(ALICE_KEY, chat("llama", false, ""));
        assertThat(carolAsksLlama.statusCode()).isEqualTo(403);
    }

    @Test
    void legacyCompletionsAreAccountedStreamedAndNot() throws Exception {
        LlmBackendSimulator qwen = fastBackend("qwen");
        start(List.of(pool("qwen", at(qwen))), List.of(aiRoute("qwen", "qwen", AiRouteConfig.defaults())),
                List.of(consumer("alice", ALICE_KEY, null)));
        URI completions = URI.create("http://127.0.0.1:" + engine.addresses().get(0).getPort() + "/v1/completions");
        String body = "{\"model\":\"qwen\",\"prompt\":\"Once upon a time\",\"max_tokens\":6";

        HttpResponse<String> whole = client.send(HttpRequest.newBuilder(completions)
                .header("Authorization", "Bearer " + ALICE_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body + "}")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> streamed = client.send(HttpRequest.newBuilder(completions)
                .header("Authorization", "Bearer " + ALICE_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body + ",\"stream\":true}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(whole.body()).at("/usage/completion_tokens").asInt()).isEqualTo(6);
        assertThat(streamed.body()).endsWith("data: [DONE]\n\n");
        String streamedText = events(streamed.body()).stream().map(c -> c.path("choices").path(0).path("text").asText(""))
                .collect(Collectors.joining());
        assertThat(streamedText).isEqualTo(JSON.readTree(whole.body()).at("/choices/0/text").asText());
    }

    @Test
    void lastUpstreamsRetryAfterReachesTheClient() throws Exception {
        String error = "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}";
        MisbehavingOrigin throttled = MisbehavingOrigin.start((request, connection) -> connection.write(
                "HTTP/1.1 429 Too Many Requests\r\nretry-after: 7\r\ncontent-type: application/json\r\n"
                        + "content-length: " + error.length() + "\r\n\r\n" + error));
        closer.add(throttled);
        start(List.of(pool("primary", throttled.address())), List.of(aiRoute("qwen", "primary", AiRouteConfig.defaults())),
                List.of(consumer("alice", ALICE_KEY, null)));

        HttpResponse<String> response = post(ALICE_KEY, chat("qwen", false, ""));
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("retry-after")).hasValue("7");
        assertThat(JSON.readTree(response.body()).at("/error/message").asText()).isEqualTo("slow down");
    }
}
