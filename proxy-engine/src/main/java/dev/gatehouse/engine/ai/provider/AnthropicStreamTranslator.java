package dev.gatehouse.engine.ai.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Anthropic Messages stream events as OpenAI chat completion chunks: a role chunk at
 * {@code message_start}, a content chunk per text delta, the finish chunk at {@code message_delta},
 * then the usage chunk (when asked for) and {@code [DONE]} at {@code message_stop}. Tool-use and
 * thinking deltas, {@code ping} and unknown events are skipped; an {@code error} event becomes an
 * OpenAI error chunk followed by {@code [DONE]}.
 */
final class AnthropicStreamTranslator implements StreamTranslator {

    private final String clientModel;
    private final boolean includeUsage;
    private final long created;
    private final ObjectNode usage = OpenAiShapes.JSON.createObjectNode();
    private String id = "chatcmpl-gatehouse";
    private String upstreamModel = "";
    private boolean started;
    private boolean finished;
    private boolean done;

    AnthropicStreamTranslator(String clientModel, boolean includeUsage, long createdEpochSeconds) {
        this.clientModel = clientModel;
        this.includeUsage = includeUsage;
        this.created = createdEpochSeconds;
    }

    @Override
    public List<String> onEvent(String event, String data) {
        if (done || data == null) {
            return List.of();
        }
        JsonNode json;
        try {
            json = OpenAiShapes.JSON.readTree(data);
        } catch (JsonProcessingException malformed) {
            return fail("the upstream sent an unreadable stream event", "api_error");
        }
        String type = event != null && !event.isEmpty() ? event : json.path("type").asText("");
        List<String> out = new ArrayList<>(3);
        switch (type) {
            case "message_start" -> {
                JsonNode message = json.path("message");
                id = message.path("id").asText(id);
                upstreamModel = message.path("model").asText(upstreamModel);
                addUsage(message.path("usage"));
                start(out);
            }
            case "content_block_start" -> {
                JsonNode block = json.path("content_block");
                if ("text".equals(OpenAiShapes.string(block, "type"))) {
                    text(out, block.path("text").asText(""));
                }
            }
            case "content_block_delta" -> {
                JsonNode delta = json.path("delta");
                if ("text_delta".equals(OpenAiShapes.string(delta, "type"))) {
                    text(out, delta.path("text").asText(""));
                }
            }
            case "message_delta" -> {
                addUsage(json.path("usage"));
                String stopReason = OpenAiShapes.string(json.path("delta"), "stop_reason");
                if (stopReason != null) {
                    finish(out, stopReason);
                }
            }
            case "message_stop" -> {
                finish(out, "end_turn");
                if (includeUsage) {
                    ObjectNode chunk = chunk();
                    chunk.set("usage", OpenAiShapes.usage(usage));
                    out.add(OpenAiShapes.sse(chunk));
                }
                out.add(OpenAiShapes.DONE);
                done = true;
            }
            case "error" -> {
                JsonNode error = json.path("error");
                return fail(error.path("message").asText("the upstream failed mid-stream"),
                        error.path("type").asText("api_error"));
            }
            default -> {
                // ping, content_block_stop, and event types Anthropic may add later
            }
        }
        return out;
    }

    @Override
    public List<String> onEnd() {
        return done ? List.of() : fail("the upstream stream ended before the message was complete", "api_error");
    }

    private void start(List<String> out) {
        if (!started) {
            started = true;
            out.add(choiceChunk(Map.of("role", "assistant", "content", ""), null));
        }
    }

    private void text(List<String> out, String text) {
        if (!text.isEmpty()) {
            start(out);
            out.add(choiceChunk(Map.of("content", text), null));
        }
    }

    /** Only the first stop reason counts; message_stop without one still ends the choice. */
    private void finish(List<String> out, String stopReason) {
        start(out);
        if (!finished) {
            finished = true;
            out.add(choiceChunk(Map.of(), OpenAiShapes.finishReason(stopReason)));
        }
    }

    private List<String> fail(String message, String type) {
        done = true;
        return List.of(OpenAiShapes.sse(OpenAiShapes.error(message, type, null)), OpenAiShapes.DONE);
    }

    /** Message usage is cumulative: later counts replace earlier ones, absent or null ones don't. */
    private void addUsage(JsonNode counts) {
        counts.properties().forEach(field -> {
            if (field.getValue().isNumber()) {
                usage.set(field.getKey(), field.getValue());
            }
        });
    }

    private String choiceChunk(Map<String, String> delta, String finishReason) {
        ObjectNode chunk = chunk();
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode deltaNode = choice.putObject("delta");
        // Role before content, as OpenAI sends it; Map.of has no order.
        if (delta.containsKey("role")) {
            deltaNode.put("role", delta.get("role"));
        }
        if (delta.containsKey("content")) {
            deltaNode.put("content", delta.get("content"));
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        if (includeUsage) {
            chunk.putNull("usage");
        }
        return OpenAiShapes.sse(chunk);
    }

    private ObjectNode chunk() {
        ObjectNode chunk = OpenAiShapes.JSON.createObjectNode();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", clientModel != null ? clientModel : upstreamModel);
        chunk.putArray("choices");
        return chunk;
    }
}
