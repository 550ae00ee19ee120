package dev.gatehouse.engine.ai.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.gatehouse.engine.ai.provider.ProviderFixtures.json;
import static dev.gatehouse.engine.ai.provider.ProviderFixtures.jsonResource;
import static dev.gatehouse.engine.ai.provider.ProviderFixtures.wire;
import static org.assertj.core.api.Assertions.assertThat;

class AnthropicResponseTranslationTest {

    private final ProviderAdapter adapter = ProviderAdapter.of(ProviderKind.ANTHROPIC, ProviderFixtures.CLOCK);

    @Test
    void messageBecomesChatCompletionUnderTheClientsModelName() {
        ObjectNode completion = adapter.translateResponse(jsonResource("anthropic-message.json"), "claude-sonnet");

        assertThat(wire(completion)).isEqualTo(json("""
                {
                  "id": "msg_01XFDUDYJgAACzvnptvVoYEL",
                  "object": "chat.completion",
                  "created": 1700000000,
                  "model": "claude-sonnet",
                  "choices": [{
                    "index": 0,
                    "message": {"role": "assistant", "content": "The capital of Italy is Rome."},
                    "logprobs": null,
                    "finish_reason": "stop"
                  }],
                  "usage": {"prompt_tokens": 31, "completion_tokens": 9, "total_tokens": 40}
                }
                """));
    }

    @ParameterizedTest
    @CsvSource({
            "end_turn,      stop",
            "max_tokens,    length",
            "stop_sequence, stop",
            "tool_use,      tool_calls",
            "refusal,       content_filter",
    })
    void stopReasonsMapToFinishReasons(String stopReason, String finishReason) {
        ObjectNode message = jsonResource("anthropic-message.json").put("stop_reason", stopReason);

        assertThat(adapter.translateResponse(message, "m").at("/choices/0/finish_reason").asText()).isEqualTo(finishReason);
    }

    @Test
    void cachedPromptTokensCountAsPromptTokens() {
        ObjectNode message = jsonResource("anthropic-message.json");
        message.set("usage", json("{\"input_tokens\":10,\"cache_creation_input_tokens\":20,"
                + "\"cache_read_input_tokens\":1000,\"output_tokens\":5}"));

        assertThat(wire(adapter.translateResponse(message, "m").get("usage"))).isEqualTo(json(
                "{\"prompt_tokens\":1030,\"completion_tokens\":5,\"total_tokens\":1035,"
                        + "\"prompt_tokens_details\":{\"cached_tokens\":1000}}"));
    }

    @Test
    void onlyTextBlocksMakeTheContent() {
        ObjectNode message = jsonResource("anthropic-message.json");
        message.set("content", json("{\"c\":[{\"type\":\"thinking\",\"thinking\":\"hmm\",\"signature\":\"s\"},"
                + "{\"type\":\"text\",\"text\":\"Rome.\"}]}").get("c"));

        assertThat(adapter.translateResponse(message, "m").at("/choices/0/message/content").asText()).isEqualTo("Rome.");
    }

    @Test
    void withoutClientModelTheUpstreamNameStands() {
        assertThat(adapter.translateResponse(jsonResource("anthropic-message.json"), null).get("model").asText())
                .isEqualTo("claude-sonnet-4-5-20250929");
    }
}
