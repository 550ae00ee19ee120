package dev.gatehouse.engine.ai.provider;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.gatehouse.engine.ai.provider.ProviderFixtures.data;
import static dev.gatehouse.engine.ai.provider.ProviderFixtures.events;
import static dev.gatehouse.engine.ai.provider.ProviderFixtures.json;
import static dev.gatehouse.engine.ai.provider.ProviderFixtures.resource;
import static dev.gatehouse.engine.ai.provider.ProviderFixtures.translate;
import static org.assertj.core.api.Assertions.assertThat;

class AnthropicStreamTranslatorTest {

    private static final String HEAD = "\"id\":\"msg_014p7gG3wDgGV9EUtLvnow3U\",\"object\":\"chat.completion.chunk\","
            + "\"created\":1700000000,\"model\":\"claude-sonnet\"";

    private final ProviderAdapter adapter = ProviderAdapter.of(ProviderKind.ANTHROPIC, ProviderFixtures.CLOCK);

    @Test
    void streamBecomesChunksWithUsageAndDone() {
        List<String> out = translate(adapter.streamTranslator("claude-sonnet", true), events(resource("anthropic-stream.sse")));

        assertThat(out).hasSize(6);
        assertThat(data(out.get(0))).isEqualTo(json("{" + HEAD + ",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}"));
        assertThat(data(out.get(1))).isEqualTo(json("{" + HEAD + ",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"Rome\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}"));
        assertThat(data(out.get(2))).isEqualTo(json("{" + HEAD + ",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\".\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}"));
        assertThat(data(out.get(3))).isEqualTo(json("{" + HEAD + ",\"choices\":[{\"index\":0,"
                + "\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null}"));
        assertThat(data(out.get(4))).isEqualTo(json("{" + HEAD + ",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":472,\"completion_tokens\":3,\"total_tokens\":475}}"));
        assertThat(out.get(5)).isEqualTo("data: [DONE]\n\n");
    }

    @Test
    void withoutIncludeUsageThereIsNoUsageChunkNorUsageField() {
        List<String> out = translate(adapter.streamTranslator("claude-sonnet", false), events(resource("anthropic-stream.sse")));

        assertThat(out).hasSize(5).last().isEqualTo("data: [DONE]\n\n");
        assertThat(out.subList(0, 4)).allSatisfy(chunk -> assertThat(data(chunk).has("usage")).isFalse());
        assertThat(data(out.get(3)).at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    void maxTokensStopFinishesWithLength() {
        String sse = resource("anthropic-stream.sse").replace("\"stop_reason\":\"end_turn\"", "\"stop_reason\":\"max_tokens\"");

        List<String> out = translate(adapter.streamTranslator("m", false), events(sse));

        assertThat(data(out.get(3)).at("/choices/0/finish_reason").asText()).isEqualTo("length");
    }

    @Test
    void errorEventBecomesAnOpenAiErrorChunkThenDone() {
        StreamTranslator translator = adapter.streamTranslator("m", true);
        translator.onEvent("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"model\":\"c\",\"usage\":{\"input_tokens\":5}}}");

        List<String> out = translator.onEvent("error",
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");

        assertThat(out).hasSize(2);
        assertThat(data(out.get(0))).isEqualTo(json(
                "{\"error\":{\"message\":\"Overloaded\",\"type\":\"overloaded_error\",\"code\":null}}"));
        assertThat(out.get(1)).isEqualTo("data: [DONE]\n\n");
        assertThat(translator.onEvent("message_stop", "{\"type\":\"message_stop\"}")).isEmpty();
        assertThat(translator.onEnd()).isEmpty();
    }

    @Test
    void pingsAndToolDeltasEmitNothing() {
        StreamTranslator translator = adapter.streamTranslator("m", false);

        assertThat(translator.onEvent("ping", "{\"type\": \"ping\"}")).isEmpty();
        assertThat(translator.onEvent("content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"a\"}}"))
                .isEmpty();
    }

    @Test
    void eventNameFallsBackToTheDataType() {
        StreamTranslator translator = adapter.streamTranslator("m", false);

        List<String> out = translator.onEvent(null,
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}");

        assertThat(out).hasSize(2);
        assertThat(data(out.get(1)).at("/choices/0/delta/content").asText()).isEqualTo("Hi");
    }

    @Test
    void upstreamCutMidMessageEndsWithErrorAndDone() {
        StreamTranslator translator = adapter.streamTranslator("m", false);
        events(resource("anthropic-stream.sse")).stream().limit(4).forEach(e -> translator.onEvent(e.name(), e.data()));

        List<String> out = translator.onEnd();

        assertThat(out).hasSize(2);
        assertThat(data(out.get(0)).at("/error/message").asText()).contains("ended before the message was complete");
        assertThat(out.get(1)).isEqualTo("data: [DONE]\n\n");
    }

    @Test
    void unreadableEventFailsTheStream() {
        StreamTranslator translator = adapter.streamTranslator("m", false);

        List<String> out = translator.onEvent("content_block_delta", "{not json");

        assertThat(out).hasSize(2);
        assertThat(data(out.get(0)).at("/error/type").asText()).isEqualTo("api_error");
    }
}
