package dev.gatehouse.engine.ai.provider;

import dev.gatehouse.engine.ai.JsonBytes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.Set;

/** The OpenAI JSON and SSE shapes the adapters produce, and the JSON plumbing they share. */
final class OpenAiShapes {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    static final String DONE = "data: [DONE]\n\n";

    /** Client credentials: removed from every forwarded request, whatever the provider. */
    static final Set<String> CLIENT_CREDENTIAL_HEADERS = Set.of("authorization", "x-api-key", "api-key");

    private OpenAiShapes() {
    }

    static byte[] bytes(JsonNode node) {
        return JsonBytes.of(node);
    }

    static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One SSE event carrying a JSON object on a single data line. */
    static String sse(JsonNode data) {
        return "data: " + text(data) + "\n\n";
    }

    /** The string value of a field, or null when absent or not a string. */
    static String string(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    static ObjectNode error(String message, String type, JsonNode code) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.set("code", code);
        return root;
    }

    /** Anthropic {@code stop_reason} to OpenAI {@code finish_reason}. */
    static String finishReason(String stopReason) {
        if (stopReason == null) {
            return null;
        }
        return switch (stopReason) {
            case "max_tokens" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> "stop"; // end_turn, stop_sequence, pause_turn and reasons added later
        };
    }

    /**
     * Anthropic usage to OpenAI usage. Anthropic counts cached prompt tokens apart from
     * {@code input_tokens}; OpenAI's {@code prompt_tokens} includes them, so they are added back.
     */
    static ObjectNode usage(JsonNode anthropic) {
        long cacheRead = anthropic.path("cache_read_input_tokens").asLong(0);
        long prompt = anthropic.path("input_tokens").asLong(0)
                + anthropic.path("cache_creation_input_tokens").asLong(0) + cacheRead;
        long completion = anthropic.path("output_tokens").asLong(0);
        ObjectNode usage = JSON.createObjectNode();
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", prompt + completion);
        if (cacheRead > 0) {
            usage.putObject("prompt_tokens_details").put("cached_tokens", cacheRead);
        }
        return usage;
    }
}
