package dev.gatehouse.engine.server;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.models.Model;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.ai.auth.ApiKeyHash;
import dev.gatehouse.engine.config.AiRouteConfig;
import dev.gatehouse.engine.config.ApiKeyConfig;
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

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Acceptance with the official OpenAI Java SDK as the client: what it gets through the gateway
 * is what it gets from the backend directly, streamed or not, and the gateway's refusals are the
 * errors the SDK knows.
 */
class OpenAiSdkIntegrationTest {

    private static final String KEY = "gh-sdk-test-key-0123456789abcdefghijklmnopqrstuv";
    private static final String MODEL = "qwen";

    private final Closer closer = new Closer();
    private LlmBackendSimulator backend;
    private int gatewayPort;
    private OpenAIClient direct;
    private OpenAIClient viaGateway;

    @BeforeEach
    void startBackendAndGateway() throws Exception {
        backend = closer.add(new LlmBackendSimulator(SimulatorOptions.builder().models(MODEL).host("127.0.0.1").port(0)
                .timeToFirstToken(Duration.ofMillis(10)).tokensPerSecond(400).baseLatency(Duration.ofMillis(5))
                .build()).start());
        ApiKeyHash hash = ApiKeyHash.of(KEY, new SecureRandom());
        ConsumerConfig consumer = new ConsumerConfig("sdk-user",
                List.of(new ApiKeyConfig(hash.salt(), hash.hash())), List.of(), null);
        RouteConfig route = new RouteConfig("chat-" + MODEL, 0,
                new RouteMatch(null, PathMatch.prefix("/v1/"), null, null, List.of(MODEL)), "backend",
                AiRouteConfig.defaults());
        GatewayEngine engine = closer.add(GatewayEngine.start(new GatewayConfig(
                List.of(ListenerConfig.of("127.0.0.1", 0)), List.of(route),
                List.of(Gateways.pool("backend", new InetSocketAddress("127.0.0.1", backend.port()))),
                LimitsConfig.defaults(), List.of(consumer))));
        direct = client(backend.port(), "unused-by-the-simulator");
        gatewayPort = engine.addresses().get(0).getPort();
        viaGateway = client(gatewayPort, KEY);
    }

    @AfterEach
    void closeAll() throws Exception {
        closer.close();
    }

    /** No retries: a failure through the gateway must show, not be papered over by the SDK. */
    private OpenAIClient client(int port, String key) {
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl("http://127.0.0.1:" + port + "/v1").apiKey(key)
                .maxRetries(0).timeout(Duration.ofSeconds(20)).build();
        closer.add(client::close);
        return client;
    }

    private static ChatCompletionCreateParams.Builder question() {
        return ChatCompletionCreateParams.builder().model(MODEL).maxCompletionTokens(12L)
                .addUserMessage("Tell me what a gateway does");
    }

    private static String content(List<ChatCompletionChunk> chunks) {
        return chunks.stream().flatMap(c -> c.choices().stream())
                .map(choice -> choice.delta().content().orElse(""))
                .collect(Collectors.joining());
    }

    private static List<ChatCompletionChunk> stream(OpenAIClient client, ChatCompletionCreateParams params) {
        try (StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(params)) {
            return response.stream().toList();
        }
    }

    private static List<Long> counts(CompletionUsage usage) {
        return List.of(usage.promptTokens(), usage.completionTokens(), usage.totalTokens());
    }

    @Test
    void completionThroughTheGatewayEqualsTheBackendsOwn() {
        ChatCompletion expected = direct.chat().completions().create(question().build());
        ChatCompletion actual = viaGateway.chat().completions().create(question().build());

        assertThat(actual.choices()).hasSize(1);
        assertThat(actual.choices().get(0).message().content()).isNotEmpty()
                .isEqualTo(expected.choices().get(0).message().content());
        assertThat(actual.model()).isEqualTo(MODEL);
        assertThat(counts(actual.usage().orElseThrow())).isEqualTo(counts(expected.usage().orElseThrow()))
                .element(1).isEqualTo(12L);
    }

    @Test
    void streamThroughTheGatewayCarriesTheBackendsContent() {
        List<ChatCompletionChunk> expected = stream(direct, question().build());
        List<ChatCompletionChunk> actual = stream(viaGateway, question().build());

        assertThat(content(actual)).isNotEmpty().isEqualTo(content(expected));
        assertThat(actual).as("no usage chunk unless asked for").allMatch(c -> c.usage().isEmpty());
    }

    @Test
    void streamEndsWithTheUsageChunkWhenTheClientAsksForIt() {
        ChatCompletionCreateParams params = question()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        List<ChatCompletionChunk> expected = stream(direct, params);
        List<ChatCompletionChunk> actual = stream(viaGateway, params);

        assertThat(content(actual)).isEqualTo(content(expected));
        ChatCompletionChunk last = actual.get(actual.size() - 1);
        assertThat(last.choices()).isEmpty();
        assertThat(counts(last.usage().orElseThrow()))
                .isEqualTo(counts(expected.get(expected.size() - 1).usage().orElseThrow()))
                .element(1).isEqualTo(12L);
    }

    @Test
    void wrongKeyIsTheSdks401AndTheKeyIsNotEchoed() {
        String wrongKey = "gh-wrong-key-9876543210zyxwvutsrqponmlkjihgfedcba";
        OpenAIClient intruder = client(gatewayPort, wrongKey);

        assertThatThrownBy(() -> intruder.chat().completions().create(question().build()))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.getMessage()).doesNotContain(wrongKey);
                    assertThat(e.body().toString()).contains("invalid_api_key").doesNotContain(wrongKey);
                });
        assertThat(backend.stats().requestsReceived()).as("a refused request never reaches the backend").isZero();
    }

    @Test
    void modelsListsTheRoutesModel() {
        List<Model> models = viaGateway.models().list().data();

        assertThat(models).extracting(Model::id).containsExactly(MODEL);
    }
}
