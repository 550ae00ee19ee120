package dev.gatehouse.engine.ai.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static dev.gatehouse.engine.ai.provider.ProviderFixtures.call;
import static dev.gatehouse.engine.ai.provider.ProviderFixtures.json;
import static dev.gatehouse.engine.ai.provider.ProviderFixtures.jsonResource;
import static org.assertj.core.api.Assertions.assertThat;

class AnthropicRequestMappingTest {

    private final ProviderAdapter adapter = ProviderAdapter.of(ProviderKind.ANTHROPIC, ProviderFixtures.CLOCK);
    private final ProviderSettings settings = ProviderSettings.builder(ProviderKind.ANTHROPIC)
            .apiKey("sk-ant-gateway").build();

    @Test
    void chatRequestBecomesMessagesRequest() {
        ProviderCall call = call(adapter.adapt("/v1/chat/completions", jsonResource("openai-chat-request.json"), settings));

        assertThat(call.pathAndQuery()).isEqualTo("/v1/messages");
        assertThat(json(call.body())).isEqualTo(jsonResource("anthropic-messages-request.json"));
        assertThat(call.clientModel()).isEqualTo("claude-sonnet");
    }

    @Test
    void headersCarryTheGatewayKeyAndVersion() {
        ProviderCall call = call(adapter.adapt("/v1/chat/completions", minimal(), settings));

        assertThat(call.setHeaders()).isEqualTo(Map.of(
                "x-api-key", "sk-ant-gateway",
                "anthropic-version", "2023-06-01",
                "content-type", "application/json"));
        assertThat(call.removeHeaders()).containsExactlyInAnyOrder("authorization", "x-api-key", "api-key");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}                                              | 4096",
            "{\"max_tokens\":100}                            | 100",
            "{\"max_completion_tokens\":200}                 | 200",
            "{\"max_tokens\":100,\"max_completion_tokens\":200} | 100",
            "{\"max_tokens\":null,\"max_completion_tokens\":200} | 200",
    })
    void maxTokensFallsBackToTheDefault(String fields, int expected) {
        ObjectNode body = minimal();
        body.setAll(json(fields));

        assertThat(mapped(body).get("max_tokens").asInt()).isEqualTo(expected);
    }

    @Test
    void configuredDefaultMaxTokensApplies() {
        ProviderSettings small = ProviderSettings.builder(ProviderKind.ANTHROPIC).apiKey("k").anthropicDefaultMaxTokens(512).build();

        ProviderCall call = call(adapter.adapt("/v1/chat/completions", minimal(), small));

        assertThat(json(call.body()).get("max_tokens").asInt()).isEqualTo(512);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"END\"               | [\"END\"]",
            "[\"END\",\"STOP\"]    | [\"END\",\"STOP\"]",
            "null                  | ",
    })
    void stopBecomesStopSequences(String stop, String expected) {
        ObjectNode body = minimal();
        body.set("stop", json("{\"s\":" + stop + "}").get("s"));

        JsonNode sequences = mapped(body).get("stop_sequences");

        if (expected == null) {
            assertThat(sequences).isNull();
        } else {
            assertThat(sequences).isEqualTo(json("{\"s\":" + expected + "}").get("s"));
        }
    }

    @Test
    void minimalRequestMapsToMinimalMessagesRequest() {
        assertThat(mapped(minimal())).isEqualTo(json(
                "{\"model\":\"claude-sonnet\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":4096}"));
    }

    @Test
    void rewriteNamesTheUpstreamModelAndKeepsTheClientsForTheResponse() {
        ProviderSettings aliased = ProviderSettings.builder(ProviderKind.ANTHROPIC).apiKey("k")
                .modelRewrite("claude-sonnet-4-5-20250929").build();

        ProviderCall call = call(adapter.adapt("/v1/chat/completions", minimal().put("model", "gpt-4o"), aliased));

        assertThat(json(call.body()).get("model").asText()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(call.clientModel()).isEqualTo("gpt-4o");
    }

    @Test
    void emptyTurnsAreLeftOutAndNeighboursMerged() {
        ObjectNode body = json("{\"model\":\"m\",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"a\"},"
                + "{\"role\":\"assistant\",\"content\":null},"
                + "{\"role\":\"user\",\"content\":\"b\"}]}");

        assertThat(mapped(body).get("messages")).isEqualTo(json("{\"m\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"text\",\"text\":\"b\"}]}]}").get("m"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/v1/completions      | {\"model\":\"m\",\"prompt\":\"hi\"}                                                  | only /v1/chat/completions",
            "/v1/embeddings       | {\"model\":\"m\",\"input\":\"hi\"}                                                   | /v1/embeddings is not supported",
            "/v1/chat/completions | {\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}                              | needs a \"model\"",
            "/v1/chat/completions | {\"model\":\"m\",\"messages\":[]}                                                    | non-empty array",
            "/v1/chat/completions | {\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"x\"}]}              | no user or assistant message",
            "/v1/chat/completions | {\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/y.png\"}}]}]} | \"image_url\" are not supported",
            "/v1/chat/completions | {\"model\":\"m\",\"messages\":[{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"42\"}]} | role \"tool\"",
            "/v1/chat/completions | {\"model\":\"m\",\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\"}]}]} | tool calls",
            "/v1/chat/completions | {\"model\":\"m\",\"n\":2,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}          | \"n\" must be 1",
            "/v1/chat/completions | {\"model\":\"m\",\"max_tokens\":0,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}  | positive integer",
            "/v1/chat/completions | {\"model\":\"m\",\"stop\":[1],\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}     | \"stop\" must be",
    })
    void requestsWithoutAFaithfulMessagesFormAreRejected(String path, String body, String message) {
        UpstreamRequest request = adapter.adapt(path, json(body), settings);

        assertThat(request).isInstanceOfSatisfying(UnsupportedOperation.class,
                rejected -> assertThat(rejected.message()).contains(message));
    }

    private JsonNode mapped(ObjectNode body) {
        return json(call(adapter.adapt("/v1/chat/completions", body, settings)).body());
    }

    private static ObjectNode minimal() {
        return json("{\"model\":\"claude-sonnet\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    }
}
