package dev.gatehouse.engine.ai.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a complete chat (or legacy text) completion into the event stream an upstream would have
 * sent for it, so that a cached answer can be served to a client that asked to stream.
 */
final class SseReplay {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final int WORDS_PER_PIECE = 3;
    /** Text without spaces (Chinese, Japanese, code) is cut into pieces of this many chars. */
    static final int MAX_PIECE_CHARS = 24;
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final ObjectNode completion;
    private final boolean text;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private SseReplay(ObjectNode completion) {
        this.completion = completion;
        this.text = "text_completion".equals(completion.path("object").asText());
    }

    static byte[] of(ObjectNode completion, boolean includeUsage) {
        SseReplay replay = new SseReplay(completion);
        for (JsonNode choice : completion.path("choices")) {
            replay.choice(choice);
        }
        JsonNode usage = completion.get("usage");
        if (includeUsage && usage != null && usage.isObject()) {
            ObjectNode chunk = replay.chunk();
            chunk.putArray("choices");
            chunk.set("usage", usage);
            replay.event(chunk);
        }
        replay.out.writeBytes(DONE);
        return replay.out.toByteArray();
    }

    private void choice(JsonNode choice) {
        int index = choice.path("index").asInt(0);
        if (text) {
            for (String piece : pieces(choice.path("text").asText(""))) {
                ObjectNode delta = MAPPER.createObjectNode().put("text", piece);
                event(choiceChunk(index, delta, null));
            }
        } else {
            JsonNode message = choice.path("message");
            ObjectNode first = MAPPER.createObjectNode()
                    .put("role", message.path("role").asText("assistant"))
                    .put("content", "");
            event(choiceChunk(index, first, null));
            for (String piece : pieces(message.path("content").asText(""))) {
                event(choiceChunk(index, MAPPER.createObjectNode().put("content", piece), null));
            }
            JsonNode toolCalls = message.get("tool_calls");
            if (toolCalls != null && toolCalls.isArray() && !toolCalls.isEmpty()) {
                // Streams number their tool calls so that clients can join the fragments.
                ArrayNode indexed = MAPPER.createArrayNode();
                int i = 0;
                for (JsonNode call : toolCalls) {
                    ObjectNode copy = MAPPER.createObjectNode().put("index", i++);
                    copy.setAll((ObjectNode) call);
                    indexed.add(copy);
                }
                ObjectNode delta = MAPPER.createObjectNode();
                delta.set("tool_calls", indexed);
                event(choiceChunk(index, delta, null));
            }
        }
        String finish = choice.path("finish_reason").asText("stop");
        event(choiceChunk(index, text ? MAPPER.createObjectNode().put("text", "") : MAPPER.createObjectNode(), finish));
    }

    private ObjectNode choiceChunk(int index, ObjectNode delta, String finishReason) {
        ObjectNode chunk = chunk();
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", index);
        if (text) {
            choice.setAll(delta);
        } else {
            choice.set("delta", delta);
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        return chunk;
    }

    private ObjectNode chunk() {
        ObjectNode chunk = MAPPER.createObjectNode();
        chunk.put("id", completion.path("id").asText("chatcmpl-cached"));
        chunk.put("object", text ? "text_completion" : "chat.completion.chunk");
        chunk.put("created", completion.path("created").asLong(0));
        chunk.put("model", completion.path("model").asText(""));
        if (completion.has("system_fingerprint")) {
            chunk.set("system_fingerprint", completion.get("system_fingerprint"));
        }
        return chunk;
    }

    private void event(ObjectNode chunk) {
        try {
            out.writeBytes("data: ".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(MAPPER.writeValueAsBytes(chunk));
            out.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /**
     * Cuts text into pieces of {@link #WORDS_PER_PIECE} words (each with the whitespace after it)
     * or {@link #MAX_PIECE_CHARS} characters, whichever comes first, never inside a surrogate
     * pair. The pieces concatenate to the text exactly.
     */
    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int words = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean wordStart = !Character.isWhitespace(c) && (i == 0 || Character.isWhitespace(text.charAt(i - 1)));
            boolean full = wordStart && words == WORDS_PER_PIECE;
            boolean tooLong = i - start >= MAX_PIECE_CHARS && !Character.isLowSurrogate(c);
            if (i > start && (full || tooLong)) {
                pieces.add(text.substring(start, i));
                start = i;
                words = 0;
            }
            if (wordStart) {
                words++;
            }
        }
        if (start < text.length()) {
            pieces.add(text.substring(start));
        }
        return pieces;
    }
}
