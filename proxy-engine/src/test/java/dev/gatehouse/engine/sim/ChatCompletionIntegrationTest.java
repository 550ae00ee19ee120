package dev.gatehouse.engine.sim;

import static dev.gatehouse.engine.sim.SimHttp.chatBody;
import static dev.gatehouse.engine.sim.SimHttp.json;
import static dev.gatehouse.engine.sim.SimHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatCompletionIntegrationTest {

    private LlmBackendSimulator sim;

    @BeforeEach
    void start() {
        sim = new LlmBackendSimulator(SimulatorOptions.builder().models("qwen-72b", "qwen-alias")
                .baseLatency(Duration.ofMillis(20)).build()).start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void nonStreamedChatCompletionHasOpenAiShapeAndUsageThatAddsUp() {
        HttpResponse<String> response = post(sim, "/v1/chat/completions", chatBody("qwen-alias", "Hello there", ""));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode body = json(response.body());
        assertThat(body.path("id").asText()).startsWith("chatcmpl-");
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("created").asLong()).isPositive();
        assertThat(body.path("model").asText()).isEqualTo("qwen-alias");
        JsonNode choice = body.path("choices").get(0);
        assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
        assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = body.path("usage");
        int completion = usage.path("completion_tokens").asInt();
        assertThat(completion).isBetween(20, 120);
        assertThat(choice.path("message").path("content").asText().split(" ")).hasSize(completion);
        assertThat(usage.path("prompt_tokens").asInt()).isGreaterThanOrEqualTo(2 + 3);
        assertThat(usage.path("total_tokens").asInt())
                .isEqualTo(usage.path("prompt_tokens").asInt() + completion);
        assertThat(sim.stats().requestsCompleted()).isEqualTo(1);
        assertThat(sim.stats().generationTokens()).isEqualTo(completion);
    }

    @Test
    void maxTokensSetsTheCompletionLength() {
        JsonNode body = json(post(sim, "/v1/chat/completions", chatBody("qwen-72b", "Count", "\"max_tokens\":7")).body());

        assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(7);
        assertThat(body.path("choices").get(0).path("message").path("content").asText().split(" ")).hasSize(7);
    }

    @Test
    void sameSeedAndPromptGiveTheSameAnswer() {
        try (LlmBackendSimulator twin = new LlmBackendSimulator(sim.options()).start()) {
            String request = chatBody("qwen-72b", "Tell me about gateways", "");
            JsonNode first = json(post(sim, "/v1/chat/completions", request).body());
            JsonNode second = json(post(twin, "/v1/chat/completions", request).body());

            assertThat(second.path("choices")).isEqualTo(first.path("choices"));
            assertThat(second.path("usage")).isEqualTo(first.path("usage"));
        }
    }

    @Test
    void legacyCompletionReturnsTextCompletion() {
        HttpResponse<String> response = post(sim, "/v1/completions",
                "{\"model\":\"qwen-72b\",\"prompt\":\"Once upon a time\",\"max_tokens\":5}");

        JsonNode body = json(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.path("object").asText()).isEqualTo("text_completion");
        assertThat(body.path("choices").get(0).path("text").asText().split(" ")).hasSize(5);
        assertThat(body.path("usage").path("total_tokens").asInt())
                .isEqualTo(body.path("usage").path("prompt_tokens").asInt() + 5);
    }

    @Test
    void modelsEndpointListsServedModels() {
        JsonNode body = json(SimHttp.get(sim, "/v1/models").body());

        assertThat(body.path("object").asText()).isEqualTo("list");
        assertThat(body.path("data").findValuesAsText("id")).containsExactly("qwen-72b", "qwen-alias");
    }

    @Test
    void unknownModelIs404ModelNotFound() {
        HttpResponse<String> response = post(sim, "/v1/chat/completions", chatBody("gpt-5", "Hi", ""));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response.body()).path("error").path("code").asText()).isEqualTo("model_not_found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "", "[1,2]", "{\"model\":\"qwen-72b\"}", "{\"messages\":[]}",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"max_tokens\":0}", "{\"a\":1} trailing"})
    void malformedRequestIs400InvalidRequestError(String body) {
        HttpResponse<String> response = post(sim, "/v1/chat/completions", body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("message").asText()).isNotBlank();
    }

    @Test
    void wrongMethodIs405AndUnknownPathIs404() {
        HttpResponse<String> wrongMethod = SimHttp.get(sim, "/v1/chat/completions");
        HttpResponse<String> unknown = SimHttp.get(sim, "/v2/nothing");

        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("allow")).hasValue("POST");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown.body()).path("error").path("message").asText()).contains("/v2/nothing");
    }
}
