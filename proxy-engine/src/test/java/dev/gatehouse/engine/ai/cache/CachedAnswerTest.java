package dev.gatehouse.engine.ai.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CachedAnswerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CONTENT = "A token is a piece of text, roughly four characters of English.\n\nModels count them.";

    @Test
    void theReplayedStreamCarriesTheSameContentInSeveralChunks() throws Exception {
        CachedAnswer answer = ResponseCacheTest.answer(CONTENT.replace("\n", "\\n"));

        List<JsonNode> chunks = parse(answer.asSseStream());

        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.path("id").asText()).isEqualTo("chatcmpl-1");
            assertThat(chunk.path("model").asText()).isEqualTo("m");
        });
        JsonNode first = chunks.get(0).path("choices").get(0);
        assertThat(first.path("delta").path("role").asText()).isEqualTo("assistant");
        StringBuilder content = new StringBuilder();
        chunks.forEach(chunk -> content.append(chunk.path("choices").path(0).path("delta").path("content").asText("")));
        assertThat(content).hasToString(CONTENT);
        assertThat(chunks.size()).isGreaterThan(5);
        JsonNode last = chunks.get(chunks.size() - 1).path("choices").get(0);
        assertThat(last.path("finish_reason").asText()).isEqualTo("stop");
        assertThat(last.path("delta").isEmpty()).isTrue();
        assertThat(chunks).noneMatch(chunk -> chunk.has("usage"));
    }

    @Test
    void usageComesAsAFinalChunkWithoutChoicesWhenAskedFor() throws Exception {
        List<JsonNode> chunks = parse(ResponseCacheTest.answer("hi").asSseStream(true));

        JsonNode usage = chunks.get(chunks.size() - 1);
        assertThat(usage.path("choices").isEmpty()).isTrue();
        assertThat(usage.path("usage").path("total_tokens").asLong()).isEqualTo(11);
    }

    @Test
    void toolCallsAreReplayedWithTheirIndex() throws Exception {
        String body = """
                {"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,
                 "message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                 "function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},"finish_reason":"tool_calls"}]}""";
        CachedAnswer answer = CachedAnswer.fromResponse(200, Map.of(), body.getBytes(StandardCharsets.UTF_8));

        List<JsonNode> chunks = parse(answer.asSseStream());

        JsonNode call = chunks.stream().map(c -> c.path("choices").path(0).path("delta").path("tool_calls"))
                .filter(JsonNode::isArray).findFirst().orElseThrow().get(0);
        assertThat(call.path("index").asInt()).isZero();
        assertThat(call.path("function").path("arguments").asText()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(chunks.get(chunks.size() - 1).path("choices").get(0).path("finish_reason").asText())
                .isEqualTo("tool_calls");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "one", "  leading and trailing  ", "a b c d e f g h", "没有空格的中文文本也会被切成若干小块以便流式回放给客户端使用😀😀😀😀",
            "tabs\tand\nnewlines\r\n between", "supercalifragilisticexpialidocious-and-then-some"})
    void piecesJoinToTheTextExactly(String text) {
        List<String> pieces = SseReplay.pieces(text);

        assertThat(String.join("", pieces)).isEqualTo(text);
        assertThat(pieces).allSatisfy(piece -> {
            assertThat(piece).isNotEmpty();
            assertThat(Character.isHighSurrogate(piece.charAt(piece.length() - 1))).isFalse();
            assertThat(piece.strip().split("\\s+").length).isLessThanOrEqualTo(SseReplay.WORDS_PER_PIECE);
        });
    }

    /** Reads an event stream the way an OpenAI client does: data lines until [DONE]. */
    static List<JsonNode> parse(byte[] stream) throws Exception {
        String text = new String(stream, StandardCharsets.UTF_8);
        assertThat(text).endsWith("data: [DONE]\n\n");
        List<JsonNode> chunks = new ArrayList<>();
        for (String event : text.split("\n\n")) {
            assertThat(event).startsWith("data: ");
            String data = event.substring("data: ".length());
            if (!data.equals("[DONE]")) {
                chunks.add(MAPPER.readTree(data));
            }
        }
        return chunks;
    }
}
