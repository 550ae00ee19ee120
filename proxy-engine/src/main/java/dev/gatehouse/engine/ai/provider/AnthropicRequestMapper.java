package dev.gatehouse.engine.ai.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * An OpenAI chat completions request as an Anthropic Messages request.
 *
 * <p>Mapped: {@code model} (rewritten when configured); {@code system} and {@code developer}
 * messages, joined with blank lines into {@code system}; {@code user} and {@code assistant}
 * messages in order, string or text-part content, consecutive messages of one role merged (system
 * messages between them would otherwise leave two in a row); {@code max_tokens}, else
 * {@code max_completion_tokens}, else the configured default; {@code stop} to
 * {@code stop_sequences}; {@code temperature}, {@code top_p}, {@code top_k} and {@code stream}
 * as they are; {@code user} to {@code metadata.user_id}.
 *
 * <p>Rejected, because dropping them would silently change the answer: non-text content parts
 * (images, audio, files), {@code tool} and {@code function} messages, assistant
 * {@code tool_calls}, and {@code n} other than 1.
 *
 * <p>Dropped: every other field, notably {@code frequency_penalty}, {@code presence_penalty},
 * {@code logit_bias}, {@code logprobs}, {@code top_logprobs}, {@code seed}, {@code response_format},
 * {@code tools}, {@code tool_choice}, {@code parallel_tool_calls}, {@code functions},
 * {@code function_call}, {@code stream_options} (the stream translator serves it),
 * {@code service_tier}, {@code store}, {@code metadata}, {@code modalities}, {@code audio},
 * {@code prediction} and {@code reasoning_effort}.
 */
final class AnthropicRequestMapper {

    /** Why a request has no faithful Anthropic form; the message is for the client. */
    static final class Unmappable extends Exception {
        Unmappable(String message) {
            super(message, null, false, false);
        }
    }

    private AnthropicRequestMapper() {
    }

    static ObjectNode toMessages(ObjectNode chat, ProviderSettings settings) throws Unmappable {
        ObjectNode out = OpenAiShapes.JSON.createObjectNode();
        String model = settings.upstreamModel(OpenAiShapes.string(chat, "model"));
        if (model == null) {
            throw new Unmappable("the request needs a \"model\"");
        }
        out.put("model", model);
        mapMessages(chat.get("messages"), out);
        out.put("max_tokens", maxTokens(chat, settings));
        JsonNode n = chat.get("n");
        if (n != null && !n.isNull() && n.asInt() != 1) {
            throw new Unmappable("Anthropic upstreams return one choice; \"n\" must be 1");
        }
        JsonNode stop = chat.get("stop");
        if (stop != null && !stop.isNull()) {
            out.set("stop_sequences", stopSequences(stop));
        }
        for (String field : List.of("temperature", "top_p", "top_k", "stream")) {
            JsonNode value = chat.get(field);
            if (value != null && !value.isNull()) {
                out.set(field, value.deepCopy());
            }
        }
        String user = OpenAiShapes.string(chat, "user");
        if (user != null) {
            out.putObject("metadata").put("user_id", user);
        }
        return out;
    }

    private static void mapMessages(JsonNode messages, ObjectNode out) throws Unmappable {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw new Unmappable("\"messages\" must be a non-empty array");
        }
        List<String> system = new ArrayList<>();
        ArrayNode mapped = out.putArray("messages");
        ObjectNode previous = null;
        for (JsonNode message : messages) {
            String role = OpenAiShapes.string(message, "role");
            if ("system".equals(role) || "developer".equals(role)) {
                String text = String.join("", texts(message.get("content")));
                if (!text.isEmpty()) {
                    system.add(text);
                }
            } else if ("user".equals(role) || "assistant".equals(role)) {
                if (message.hasNonNull("tool_calls") || message.hasNonNull("function_call")) {
                    throw new Unmappable("tool calls are not supported for Anthropic upstreams");
                }
                List<String> texts = texts(message.get("content"));
                if (texts.isEmpty()) {
                    continue; // Anthropic rejects empty content; an empty turn carries nothing
                }
                if (previous != null && role.equals(previous.get("role").asText())) {
                    appendBlocks(previous, texts);
                } else {
                    previous = mapped.addObject();
                    previous.put("role", role);
                    if (message.get("content").isTextual()) {
                        previous.put("content", texts.get(0));
                    } else {
                        appendBlocks(previous, texts);
                    }
                }
            } else {
                throw new Unmappable("messages with role \"" + role + "\" are not supported for Anthropic upstreams");
            }
        }
        if (mapped.isEmpty()) {
            throw new Unmappable("the request has no user or assistant message with content");
        }
        if (!system.isEmpty()) {
            out.put("system", String.join("\n\n", system));
        }
    }

    /** The non-empty texts of string or content-part content. */
    private static List<String> texts(JsonNode content) throws Unmappable {
        List<String> texts = new ArrayList<>();
        if (content == null || content.isNull()) {
            return texts;
        }
        if (content.isTextual()) {
            if (!content.asText().isEmpty()) {
                texts.add(content.asText());
            }
            return texts;
        }
        if (!content.isArray()) {
            throw new Unmappable("message content must be a string or an array of content parts");
        }
        for (JsonNode part : content) {
            String type = OpenAiShapes.string(part, "type");
            if (!"text".equals(type)) {
                throw new Unmappable("content parts of type \"" + type + "\" are not supported for Anthropic upstreams");
            }
            String text = part.path("text").asText("");
            if (!text.isEmpty()) {
                texts.add(text);
            }
        }
        return texts;
    }

    private static void appendBlocks(ObjectNode message, List<String> texts) {
        JsonNode existing = message.get("content");
        ArrayNode blocks = OpenAiShapes.JSON.createArrayNode();
        if (existing != null && existing.isTextual()) {
            blocks.addObject().put("type", "text").put("text", existing.asText());
        } else if (existing != null) {
            blocks.addAll((ArrayNode) existing);
        }
        for (String text : texts) {
            blocks.addObject().put("type", "text").put("text", text);
        }
        message.set("content", blocks);
    }

    private static int maxTokens(ObjectNode chat, ProviderSettings settings) throws Unmappable {
        JsonNode value = chat.hasNonNull("max_tokens") ? chat.get("max_tokens") : chat.get("max_completion_tokens");
        if (value == null || value.isNull()) {
            return settings.anthropicDefaultMaxTokens();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            throw new Unmappable("\"max_tokens\" must be a positive integer");
        }
        return value.intValue();
    }

    private static ArrayNode stopSequences(JsonNode stop) throws Unmappable {
        ArrayNode sequences = OpenAiShapes.JSON.createArrayNode();
        if (stop.isTextual()) {
            return sequences.add(stop.asText());
        }
        if (stop.isArray()) {
            for (JsonNode sequence : stop) {
                if (!sequence.isTextual()) {
                    throw new Unmappable("\"stop\" must be a string or an array of strings");
                }
                sequences.add(sequence.asText());
            }
            return sequences;
        }
        throw new Unmappable("\"stop\" must be a string or an array of strings");
    }
}
