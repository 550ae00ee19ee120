package dev.gatehouse.engine.ai.usage;

import static dev.gatehouse.engine.ai.usage.Streams.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

class UsageExtractorTest {

    @Test
    void readsChatCompletionUsage() {
        String body = """
                {"id":"chatcmpl-1","object":"chat.completion","created":1718000000,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hi"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15,
                          "prompt_tokens_details":{"cached_tokens":0}}}""";

        assertThat(fromBody(body)).contains(new TokenUsage("gpt-4o-mini", 12, 3, 15, false, null));
    }

    @Test
    void readsTextCompletionUsage() {
        String body = """
                {"id":"cmpl-1","object":"text_completion","model":"llama-3-8b",
                 "choices":[{"index":0,"text":" there","finish_reason":"length"}],
                 "usage":{"prompt_tokens":5,"completion_tokens":16,"total_tokens":21}}""";

        assertThat(fromBody(body)).contains(new TokenUsage("llama-3-8b", 5, 16, 21, false, null));
    }

    @Test
    void embeddingsReportInputAndTotalOnly() {
        String body = """
                {"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.0023,-0.0093]}],
                 "model":"text-embedding-3-small","usage":{"prompt_tokens":8,"total_tokens":8}}""";

        assertThat(fromBody(body)).contains(new TokenUsage("text-embedding-3-small", 8, 0, 8, false, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"model\":\"m\",\"choices\":[]}",
            "{\"model\":\"m\",\"usage\":null}",
            "{\"model\":\"m\",\"usage\":{\"prompt_tokens\":-1,\"total_tokens\":3}}",
            "{\"model\":\"m\",\"usage\":{\"prompt_tokens\":\"12\"}}",
            "{\"model\":\"m\",\"usage\":{\"prompt_tokens\":1.5}}",
            "{\"model\":\"m\",\"usage\":{\"prompt_tokens\":1,",
            "{\"usage\":{\"prompt_tokens\":1}} trailing",
            "[{\"usage\":{\"prompt_tokens\":1}}]",
            "",
            "<html>502 Bad Gateway</html>",
    })
    void bodyWithoutSensibleUsageGivesNothing(String body) {
        assertThat(fromBody(body)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            // data | done | malformed | choices | text | usage only
            "[DONE]                                                                   | true  | false | 0 | ''      | false",
            "{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}    | false | false | 1 | ''      | false",
            "{\"choices\":[{\"delta\":{\"content\":\"Hé\"}},{\"delta\":{\"content\":\"y\"}}]} | false | false | 2 | Héy | false",
            "{\"choices\":[{\"index\":0,\"text\":\" once\"}]}                           | false | false | 1 | ' once' | false",
            "{\"choices\":[{\"delta\":{\"reasoning_content\":\"hmm\"}}]}                | false | false | 1 | hmm     | false",
            "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"function\":{\"arguments\":\"{\\\"\"}}]}}]} | false | false | 1 | '{\"' | false",
            "{\"choices\":[],\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":1,\"total_tokens\":3}} | false | false | 0 | '' | true",
            "{\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":1,\"total_tokens\":3}} | false | false | 0 | ''     | true",
            "{\"choices\":[{\"delta\":{\"content\":\"x\"}}],\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":1,\"total_tokens\":3}} | false | false | 1 | x | false",
            "{\"choices\":[],\"usage\":null}                                          | false | false | 0 | ''      | false",
            "{\"choices\":[{\"delta\":{\"content\":\"x\"                              | false | true  | 0 | ''      | false",
            "[1,2]                                                                    | false | true  | 0 | ''      | false",
            "{} {}                                                                    | false | true  | 0 | ''      | false",
            "''                                                                       | false | true  | 0 | ''      | false",
    })
    void readsOneStreamPayload(String data, boolean done, boolean malformed, int choices, String text,
            boolean usageOnly) {
        StreamChunk chunk = UsageExtractor.chunk(data);

        assertThat(chunk.done()).isEqualTo(done);
        assertThat(chunk.malformed()).isEqualTo(malformed);
        assertThat(chunk.choiceCount()).isEqualTo(choices);
        assertThat(chunk.text()).isEqualTo(text);
        assertThat(chunk.usageOnly()).isEqualTo(usageOnly);
    }

    @Test
    void streamUsageChunkCarriesModelAndCounts() {
        StreamChunk chunk = UsageExtractor.chunk(Streams.USAGE.substring("data: ".length()).strip());

        assertThat(chunk.usage()).isEqualTo(new TokenUsage(Streams.MODEL, 21, 6, 27, false, null));
        assertThat(chunk.model()).isEqualTo(Streams.MODEL);
    }

    private static Optional<TokenUsage> fromBody(String body) {
        byte[] bytes = utf8("xx" + body);
        return UsageExtractor.fromBody(bytes, 2, bytes.length - 2);
    }
}
