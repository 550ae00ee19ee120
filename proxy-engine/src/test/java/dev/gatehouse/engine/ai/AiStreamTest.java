package dev.gatehouse.engine.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.ai.guard.ContentGuard;
import dev.gatehouse.engine.ai.guard.GuardMode;
import dev.gatehouse.engine.ai.guard.GuardPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AiStream} fed an OpenAI chat stream in slices cut anywhere (inside "data:", inside a JSON
 * string, inside a UTF-8 character, between the two newlines): what the client gets.
 */
class AiStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BLOCKED = "secret plan";

    private static final String ROLE = chunk("{\"role\":\"assistant\",\"content\":\"\"}", null);
    private static final String FINISH = chunk("{}", "\"stop\"");
    private static final String USAGE = "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"qwen\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":6,"
            + "\"total_tokens\":15}}\n\n";
    private static final String DONE = "data: [DONE]\n\n";

    private static String chunk(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"qwen\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":"
                + finishReason + "}]}\n\n";
    }

    private static String content(String text) {
        return chunk("{\"content\":\"" + text + "\"}", null);
    }

    /** An answer of six pieces whose blocked phrase spans the second and third; ends in "é", two UTF-8 bytes. */
    private static String stream(boolean withUsage) {
        return ROLE + content("The secr") + content("et plan is ") + content("out, naïve") + content(" and ")
                + content("more: café") + FINISH + (withUsage ? USAGE : "") + DONE;
    }

    private static final String WHOLE_TEXT = "The secret plan is out, naïve and more: café";

    private static AiStream aiStream(GuardMode mode, boolean clientAskedForUsage) {
        ContentGuard guard = mode == null ? null
                : new ContentGuard(new GuardPolicy(List.of(BLOCKED), mode, true, true));
        return new AiStream(null, guard, clientAskedForUsage, 9, System::nanoTime);
    }

    /** Feeds {@code sse} in slices of {@code slice} bytes, then ends it; returns every byte the client got. */
    private static String run(AiStream stream, String sse, int slice) {
        byte[] bytes = sse.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int start = 0; start < bytes.length; start += slice) {
            out.writeBytes(stream.onUpstream(Arrays.copyOfRange(bytes, start, Math.min(bytes.length, start + slice))));
        }
        out.writeBytes(stream.onUpstreamEnd());
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<JsonNode> events(String sse) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String block : sse.split("\n\n")) {
            assertThat(block).startsWith("data: ");
            if (!block.equals("data: [DONE]")) {
                events.add(JSON.readTree(block.substring(6)));
            }
        }
        return events;
    }

    private static String text(List<JsonNode> events) {
        return events.stream().map(e -> e.at("/choices/0/delta/content").asText(""))
                .collect(Collectors.joining());
    }

    // Slices of 1 byte cut everything; 7 and 13 land inside "data:", JSON strings and "é";
    // 64 holds several events in one slice with one cut between their two newlines.
    @ParameterizedTest
    @ValueSource(ints = {1, 7, 13, 64})
    void blockModeEndsTheStreamWithAnErrorWhenTheWordSpansTwoChunks(int slice) throws IOException {
        AiStream stream = aiStream(GuardMode.BLOCK, false);

        String out = run(stream, stream(false), slice);

        assertThat(stream.blocked()).isTrue();
        assertThat(out).endsWith(DONE).doesNotContain(BLOCKED).doesNotContain("is out");
        List<JsonNode> events = events(out);
        assertThat(events.get(events.size() - 1).at("/error/type").asText()).isEqualTo("content_blocked");
        assertThat(text(events)).isEqualTo("The secr");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 13, 64})
    void maskModeSendsTheMaskedWholeText(int slice) throws IOException {
        AiStream stream = aiStream(GuardMode.MASK, false);

        String out = run(stream, stream(false), slice);

        assertThat(stream.blocked()).isFalse();
        assertThat(out).endsWith(DONE);
        assertThat(text(events(out))).isEqualTo(WHOLE_TEXT.replace(BLOCKED, "*".repeat(BLOCKED.length())));
    }

    // The finish chunk's delta is empty, or (as some servers send it) an empty content.
    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"content\":\"\"}"})
    void maskModeReleasesHeldTextBeforeTheFinishAndUsageChunks(String finishDelta) throws IOException {
        // The answer ends in "secret", which could still begin the blocked phrase: the guard holds
        // it back until the stream shows it cannot, and it must come before the choice's end.
        String sse = ROLE + content("keep the secret") + chunk(finishDelta, "\"stop\"") + USAGE + DONE;

        String out = run(aiStream(GuardMode.MASK, true), sse, 5);

        List<JsonNode> events = events(out);
        assertThat(text(events)).isEqualTo("keep the secret");
        assertThat(events).allSatisfy(e -> assertThat(e.path("id").asText()).isEqualTo("chatcmpl-1"));
        JsonNode finish = events.stream().filter(e -> e.at("/choices/0/finish_reason").isTextual()).findFirst()
                .orElseThrow();
        assertThat(events.subList(events.indexOf(finish) + 1, events.size()))
                .as("after the finish chunk only the usage chunk").singleElement()
                .satisfies(e -> assertThat(e.path("usage").path("total_tokens").asInt()).isEqualTo(15));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 13, 64})
    void withoutGuardTheBytesPassUnchangedButForTheUsageChunkNobodyAskedFor(int slice) {
        assertThat(run(aiStream(null, false), stream(true), slice)).isEqualTo(stream(false));
        assertThat(run(aiStream(null, true), stream(true), slice)).isEqualTo(stream(true));
    }

    @Test
    void usageIsTheUpstreamsEvenWhenTheClientDidNotAskForIt() {
        AiStream stream = aiStream(null, false);

        run(stream, stream(true), 13);

        assertThat(stream.usage().inputTokens()).isEqualTo(9);
        assertThat(stream.usage().outputTokens()).isEqualTo(6);
        assertThat(stream.usage().estimated()).isFalse();
        assertThat(stream.sawDone()).isTrue();
    }
}
