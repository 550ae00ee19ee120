package dev.gatehouse.engine.ai.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads token usage from OpenAI-compatible responses: a whole body (chat.completion,
 * text_completion, embeddings list) or one payload of a completion stream.
 *
 * <p>Runs on the request path, so it never throws on what an upstream sends: malformed JSON,
 * missing fields and wrong types come back as an empty result or a malformed chunk.
 */
public final class UsageExtractor {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private UsageExtractor() {
    }

    /**
     * The usage a non-streamed response reports, with its model; empty when the body is not JSON
     * or has no valid {@code usage} (embeddings report prompt and total only: output is then 0).
     */
    public static Optional<TokenUsage> fromBody(byte[] body, int offset, int length) {
        try {
            JsonNode root = JSON.readTree(body, offset, length);
            return root != null && root.isObject() ? Optional.ofNullable(usage(root)) : Optional.empty();
        } catch (IOException malformed) {
            return Optional.empty();
        }
    }

    /** What one stream payload (the text after {@code data:}) says; never null. */
    public static StreamChunk chunk(String data) {
        if (data.strip().equals("[DONE]")) {
            return StreamChunk.DONE;
        }
        JsonNode root;
        try {
            root = JSON.readTree(data);
        } catch (JsonProcessingException malformed) {
            return StreamChunk.MALFORMED;
        }
        if (root == null || !root.isObject()) {
            return StreamChunk.MALFORMED;
        }
        JsonNode choices = root.path("choices");
        StringBuilder text = new StringBuilder();
        for (JsonNode choice : choices) {
            appendGenerated(choice, text);
        }
        return new StreamChunk(false, false, model(root), usage(root), choices.isArray() ? choices.size() : 0,
                text.toString());
    }

    /**
     * Appends what the model generated in one choice: {@code delta.content} (chat),
     * {@code text} (/v1/completions), {@code delta.reasoning_content} (vLLM and DeepSeek reasoning
     * models) and tool-call names and arguments; all of them are billed as completion tokens.
     */
    private static void appendGenerated(JsonNode choice, StringBuilder text) {
        appendText(choice.path("text"), text);
        JsonNode delta = choice.path("delta");
        appendText(delta.path("content"), text);
        appendText(delta.path("reasoning_content"), text);
        for (JsonNode call : delta.path("tool_calls")) {
            appendText(call.path("function").path("name"), text);
            appendText(call.path("function").path("arguments"), text);
        }
    }

    private static void appendText(JsonNode node, StringBuilder text) {
        if (node.isTextual()) {
            text.append(node.textValue());
        }
    }

    private static String model(JsonNode root) {
        JsonNode model = root.path("model");
        return model.isTextual() ? model.textValue() : null;
    }

    /** The {@code usage} object as reported, or null when absent, null or not sensible counts. */
    static TokenUsage usage(JsonNode root) {
        JsonNode usage = root.path("usage");
        if (!usage.isObject()) {
            return null;
        }
        long prompt = count(usage.path("prompt_tokens"));
        long completion = usage.has("completion_tokens") ? count(usage.path("completion_tokens")) : 0;
        if (prompt < 0 || completion < 0) {
            return null;
        }
        long total = usage.has("total_tokens") ? count(usage.path("total_tokens")) : prompt + completion;
        if (total < 0) {
            return null;
        }
        return new TokenUsage(model(root), prompt, completion, total, false, null);
    }

    /** A non-negative integral count, or -1. */
    private static long count(JsonNode node) {
        return node.canConvertToExactIntegral() && node.canConvertToLong() && node.asLong() >= 0 ? node.asLong() : -1;
    }
}
