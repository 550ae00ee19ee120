package dev.gatehouse.engine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.EngineOptions;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.ai.auth.ApiKeyHash;
import dev.gatehouse.engine.config.AiRouteConfig;
import dev.gatehouse.engine.config.ApiKeyConfig;
import dev.gatehouse.engine.config.BalancerConfig;
import dev.gatehouse.engine.config.ConsumerConfig;
import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.LimitsConfig;
import dev.gatehouse.engine.config.ListenerConfig;
import dev.gatehouse.engine.config.PathMatch;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.config.ProviderConfig;
import dev.gatehouse.engine.config.RouteConfig;
import dev.gatehouse.engine.config.RouteMatch;
import dev.gatehouse.engine.testing.Closer;
import dev.gatehouse.engine.testing.Gateways;
import dev.gatehouse.engine.testing.MisbehavingOrigin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client speaking OpenAI chat completions to an AI route whose pool is an Anthropic Messages
 * API: the upstream gets a Messages request with the gateway's own credential, the client gets
 * OpenAI-shaped answers, whole or streamed.
 */
class AnthropicEndToEndIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT_KEY = "gh-anthropic-client-key-0123456789abcdefghijklmno";
    private static final String UPSTREAM_KEY = "sk-ant-upstream-secret-0123456789";
    private static final String KEY_VARIABLE = "GATEHOUSE_TEST_ANTHROPIC_KEY";

    private static final String MESSAGE = """
            {"id":"msg_01","type":"message","role":"assistant","model":"claude-upstream",\
            "content":[{"type":"text","text":"Hello from the messages API."}],\
            "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":12,"output_tokens":7}}""";

    private static final String EVENTS = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_02","type":"message","role":"assistant",\
            "model":"claude-upstream","content":[],"stop_reason":null,"usage":{"input_tokens":12,"output_tokens":1}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" from the"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" messages API."}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},\
            "usage":{"output_tokens":7}}

            event: message_stop
            data: {"type":"message_stop"}

            """;

    private final Closer closer = new Closer();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Queue<MisbehavingOrigin.Request> received = new ConcurrentLinkedQueue<>();
    private GatewayEngine engine;

    @BeforeEach
    void startAnthropicAndGateway() throws Exception {
        MisbehavingOrigin anthropic = closer.add(MisbehavingOrigin.start(this::messagesApi));
        PoolConfig pool = new PoolConfig("anthropic", BalancerConfig.of(BalancerConfig.Strategy.ROUND_ROBIN),
                List.of(EndpointConfig.of("127.0.0.1", anthropic.address().getPort())), Gateways.NO_ACTIVE_CHECKS,
                Gateways.NO_OUTLIER_DETECTION, new ProviderConfig(ProviderConfig.Kind.ANTHROPIC, KEY_VARIABLE, null, null));
        RouteConfig route = new RouteConfig("chat-claude", 0,
                new RouteMatch(null, PathMatch.prefix("/v1/"), null, null, List.of("claude")), "anthropic",
                AiRouteConfig.defaults());
        ApiKeyHash hash = ApiKeyHash.of(CLIENT_KEY, new SecureRandom());
        ConsumerConfig consumer = new ConsumerConfig("alice", List.of(new ApiKeyConfig(hash.salt(), hash.hash())),
                List.of(), null);
        GatewayConfig config = new GatewayConfig(List.of(ListenerConfig.of("127.0.0.1", 0)), List.of(route),
                List.of(pool), LimitsConfig.defaults(), List.of(consumer));
        Map<String, String> environment = Map.of(KEY_VARIABLE, UPSTREAM_KEY);
        engine = closer.add(GatewayEngine.start(config, EngineOptions.defaults().withEnvironment(environment::get)));
    }

    @AfterEach
    void closeAll() throws Exception {
        closer.close();
    }

    /** Anthropic's Messages API as far as these tests need it: one JSON message, or its event stream in pieces. */
    private void messagesApi(MisbehavingOrigin.Request request, MisbehavingOrigin.Connection connection)
            throws IOException {
        received.add(request);
        if (!JSON.readTree(request.body()).path("stream").asBoolean(false)) {
            byte[] body = MESSAGE.getBytes(StandardCharsets.UTF_8);
            connection.write("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: " + body.length
                    + "\r\n\r\n");
            connection.write(body);
            return;
        }
        connection.write("HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n");
        // Pieces of an odd size: events, lines and JSON strings are cut in the middle.
        byte[] events = EVENTS.getBytes(StandardCharsets.UTF_8);
        for (int start = 0; start < events.length; start += 97) {
            int length = Math.min(97, events.length - start);
            connection.write(Integer.toHexString(length) + "\r\n");
            connection.write(java.util.Arrays.copyOfRange(events, start, start + length));
            connection.write("\r\n");
        }
        connection.write("0\r\n\r\n");
    }

    private HttpResponse<String> chat(boolean stream, String extra) throws IOException, InterruptedException {
        String body = "{\"model\":\"claude\",\"stream\":" + stream + ",\"max_tokens\":64" + extra
                + ",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":\"Say hello\"}]}";
        return client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + engine.addresses().get(0).getPort() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + CLIENT_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<JsonNode> dataEvents(String sse) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : sse.split("\n")) {
            if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                events.add(JSON.readTree(line.substring(6)));
            }
        }
        return events;
    }

    private void assertUpstreamGotAMessagesRequestWithTheGatewaysCredential(boolean stream) throws IOException {
        assertThat(received).hasSize(1);
        MisbehavingOrigin.Request request = received.peek();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.target()).isEqualTo("/v1/messages");
        assertThat(request.headers()).containsEntry("x-api-key", UPSTREAM_KEY)
                .containsEntry("anthropic-version", "2023-06-01")
                .doesNotContainKey("authorization");
        assertThat(request.headers().values()).noneMatch(v -> v.contains(CLIENT_KEY));
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("model").asText()).isEqualTo("claude");
        assertThat(body.path("system").asText()).isEqualTo("Be brief.");
        assertThat(body.path("messages").toString()).isEqualTo("[{\"role\":\"user\",\"content\":\"Say hello\"}]");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.path("stream").asBoolean(false)).isEqualTo(stream);
    }

    @Test
    void wholeMessageComesBackAsAnOpenAiChatCompletion() throws Exception {
        HttpResponse<String> response = chat(false, "");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode completion = JSON.readTree(response.body());
        assertThat(completion.path("object").asText()).isEqualTo("chat.completion");
        assertThat(completion.path("model").asText()).isEqualTo("claude");
        assertThat(completion.at("/choices/0/message/role").asText()).isEqualTo("assistant");
        assertThat(completion.at("/choices/0/message/content").asText()).isEqualTo("Hello from the messages API.");
        assertThat(completion.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(completion.path("usage").toString())
                .isEqualTo("{\"prompt_tokens\":12,\"completion_tokens\":7,\"total_tokens\":19}");
        assertUpstreamGotAMessagesRequestWithTheGatewaysCredential(false);
    }

    @Test
    void eventStreamComesBackAsChatCompletionChunksThenDone() throws Exception {
        HttpResponse<String> response = chat(true, ",\"stream_options\":{\"include_usage\":true}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
        List<JsonNode> chunks = dataEvents(response.body());
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(c.path("model").asText()).isEqualTo("claude");
        });
        String content = chunks.stream().map(c -> c.at("/choices/0/delta/content").asText(""))
                .collect(Collectors.joining());
        assertThat(content).isEqualTo("Hello from the messages API.");
        assertThat(chunks).filteredOn(c -> !c.at("/choices/0/finish_reason").isMissingNode()
                        && !c.at("/choices/0/finish_reason").isNull())
                .singleElement().satisfies(c -> assertThat(c.at("/choices/0/finish_reason").asText()).isEqualTo("stop"));
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.path("choices")).isEmpty();
        assertThat(last.path("usage").toString())
                .isEqualTo("{\"prompt_tokens\":12,\"completion_tokens\":7,\"total_tokens\":19}");
        assertUpstreamGotAMessagesRequestWithTheGatewaysCredential(true);
    }

    @Test
    void streamHasNoUsageChunkWhenTheClientDidNotAskForIt() throws Exception {
        HttpResponse<String> response = chat(true, "");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
        List<JsonNode> chunks = dataEvents(response.body());
        assertThat(chunks).isNotEmpty().allSatisfy(c -> {
            assertThat(c.path("choices")).hasSize(1);
            assertThat(c.path("usage").isMissingNode() || c.path("usage").isNull()).isTrue();
        });
        assertThat(chunks.stream().map(c -> c.at("/choices/0/delta/content").asText("")).collect(Collectors.joining()))
                .isEqualTo("Hello from the messages API.");
    }
}
