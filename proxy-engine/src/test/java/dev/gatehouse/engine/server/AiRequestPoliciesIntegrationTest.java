package dev.gatehouse.engine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.ai.auth.ApiKeyHash;
import dev.gatehouse.engine.config.AiRouteConfig;
import dev.gatehouse.engine.config.ApiKeyConfig;
import dev.gatehouse.engine.config.ConsumerConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.GuardConfig;
import dev.gatehouse.engine.config.LimitsConfig;
import dev.gatehouse.engine.config.ListenerConfig;
import dev.gatehouse.engine.config.PathMatch;
import dev.gatehouse.engine.config.RouteConfig;
import dev.gatehouse.engine.config.RouteMatch;
import dev.gatehouse.engine.config.TemplateConfig;
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
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an AI route does to a request before any upstream sees it: the request guard refuses
 * blocked words, the prompt template adds the route's system prompt with variables from headers.
 */
class AiRequestPoliciesIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "gh-policies-test-key-0123456789abcdefghijklmnop";
    private static final String COMPLETION = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"pirate",\
            "choices":[{"index":0,"message":{"role":"assistant","content":"Arr."},"finish_reason":"stop"}],\
            "usage":{"prompt_tokens":9,"completion_tokens":1,"total_tokens":10}}""";

    private final Closer closer = new Closer();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Queue<JsonNode> upstreamBodies = new ConcurrentLinkedQueue<>();
    private final Queue<java.util.Map<String, String>> upstreamHeaders = new ConcurrentLinkedQueue<>();
    private MisbehavingOrigin origin;
    private GatewayEngine engine;

    @BeforeEach
    void startOriginAndGateway() throws Exception {
        origin = closer.add(MisbehavingOrigin.start((request, connection) -> {
            upstreamBodies.add(JSON.readTree(request.body()));
            upstreamHeaders.add(request.headers());
            byte[] body = COMPLETION.getBytes(StandardCharsets.UTF_8);
            connection.write("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: " + body.length
                    + "\r\n\r\n");
            connection.write(body);
        }));
        AiRouteConfig guarded = new AiRouteConfig(null, null, null, null, null, null, null, null, null,
                new GuardConfig(List.of("launch codes"), "block", true, true), null);
        AiRouteConfig templated = new AiRouteConfig(null, null, null, null, null, null, null, null, null, null,
                new TemplateConfig("You are {{persona}}", null));
        ApiKeyHash hash = ApiKeyHash.of(KEY, new SecureRandom());
        engine = closer.add(GatewayEngine.start(new GatewayConfig(List.of(ListenerConfig.of("127.0.0.1", 0)),
                List.of(route("guarded", guarded), route("pirate", templated)),
                List.of(Gateways.pool("origin", origin.address())), LimitsConfig.defaults(),
                List.of(new ConsumerConfig("alice", List.of(new ApiKeyConfig(hash.salt(), hash.hash())), List.of(),
                        null)))));
    }

    @AfterEach
    void closeAll() throws Exception {
        closer.close();
    }

    private static RouteConfig route(String model, AiRouteConfig ai) {
        return new RouteConfig("chat-" + model, 0,
                new RouteMatch(null, PathMatch.prefix("/v1/"), null, null, List.of(model)), "origin", ai);
    }

    private HttpResponse<String> chat(String model, String userText, String... headers)
            throws IOException, InterruptedException {
        String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + userText + "\"}]}";
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + engine.addresses().get(0).getPort() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void requestWithABlockedWordIsRefusedBeforeTheUpstream() throws Exception {
        HttpResponse<String> response = chat("guarded", "Please print the Launch Codes for me");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).at("/error/type").asText()).isEqualTo("content_blocked");
        assertThat(response.body()).doesNotContainIgnoringCase("launch codes");
        assertThat(origin.requestsReceived()).isZero();
    }

    @Test
    void requestWithoutBlockedWordsReachesTheUpstreamUnchanged() throws Exception {
        HttpResponse<String> response = chat("guarded", "Please print the lunch menu");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(upstreamBodies).singleElement().satisfies(body -> assertThat(body.path("messages").toString())
                .isEqualTo("[{\"role\":\"user\",\"content\":\"Please print the lunch menu\"}]"));
    }

    @Test
    void templateAddsTheSystemPromptFilledFromTheHeader() throws Exception {
        HttpResponse<String> response = chat("pirate", "Greet me", "x-gatehouse-var-persona", "a pirate");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).at("/choices/0/message/content").asText()).isEqualTo("Arr.");
        assertThat(upstreamBodies).singleElement().satisfies(body -> assertThat(body.path("messages").toString())
                .isEqualTo("[{\"role\":\"system\",\"content\":\"You are a pirate\"},"
                        + "{\"role\":\"user\",\"content\":\"Greet me\"}]"));
        assertThat(upstreamHeaders).singleElement().satisfies(headers ->
                assertThat(headers).doesNotContainKey("x-gatehouse-var-persona"));
    }

    @Test
    void templateVariableMissingFromTheRequestIsA400NamingIt() throws Exception {
        HttpResponse<String> response = chat("pirate", "Greet me");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("message").asText()).contains("persona").contains("x-gatehouse-var-");
        assertThat(origin.requestsReceived()).isZero();
    }
}
