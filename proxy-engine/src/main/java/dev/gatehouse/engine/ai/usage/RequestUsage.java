package dev.gatehouse.engine.ai.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The request side of usage accounting for OpenAI-style chat and text completions: asking a
 * streaming upstream to report usage, and estimating the prompt's tokens in case it does not.
 */
public final class RequestUsage {

    /** Per message: OpenAI wraps each one in role and separator tokens (3–4 depending on model). */
    static final int TOKENS_PER_MESSAGE = 4;
    /** Per request: the tokens that prime the assistant's reply. */
    static final int TOKENS_PER_REPLY = 3;

    private RequestUsage() {
    }

    /**
     * For a streamed request ({@code "stream": true}), sets {@code stream_options.include_usage} to
     * true, keeping the other stream options, so the upstream ends the stream with a usage chunk.
     * Leaves any other request unchanged.
     *
     * @return whether the client will see usage without the gateway's help: true when it set
     *         {@code include_usage: true} itself or the request is not streamed (a whole response
     *         always carries usage); false means the usage chunk is the gateway's to remove
     */
    public static boolean ensureIncludeUsage(ObjectNode request) {
        JsonNode stream = request.path("stream");
        if (!stream.isBoolean() || !stream.booleanValue()) {
            return true;
        }
        JsonNode options = request.path("stream_options");
        boolean asked = options.path("include_usage").isBoolean() && options.path("include_usage").booleanValue();
        ObjectNode writable = options.isObject() ? (ObjectNode) options : request.putObject("stream_options");
        writable.put("include_usage", true);
        return asked;
    }

    /**
     * A deterministic estimate of the request's prompt tokens, by {@link TokenEstimator}'s rule.
     *
     * <p>Chat ({@code messages}): 3 + for each message 4 + the estimate of its text, rounded up per
     * message. A message's text is its {@code content} (a string, or the {@code text} of its text
     * parts; image and audio parts are not counted), its {@code name}, and the function names and
     * arguments of its {@code tool_calls}. This follows OpenAI's published counting recipe; tool
     * definitions ({@code tools}) are not counted. Text completion ({@code prompt}) and embeddings
     * ({@code input}): a string or list of strings is estimated; token-id arrays count one per id.
     * Anything else estimates 0.
     */
    public static long estimatePromptTokens(ObjectNode request) {
        JsonNode messages = request.path("messages");
        if (messages.isArray()) {
            long tokens = TOKENS_PER_REPLY;
            for (JsonNode message : messages) {
                tokens += TOKENS_PER_MESSAGE + messageText(message).tokens();
            }
            return tokens;
        }
        JsonNode prompt = request.has("prompt") ? request.path("prompt") : request.path("input");
        return promptTokens(prompt);
    }

    private static TokenEstimator messageText(JsonNode message) {
        TokenEstimator text = new TokenEstimator();
        JsonNode content = message.path("content");
        if (content.isTextual()) {
            text.add(content.textValue());
        }
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
                text.add(part.path("text").textValue());
            }
        }
        if (message.path("name").isTextual()) {
            text.add(message.path("name").textValue());
        }
        for (JsonNode call : message.path("tool_calls")) {
            text.add(call.path("function").path("name").asText(""));
            text.add(call.path("function").path("arguments").asText(""));
        }
        return text;
    }

    private static long promptTokens(JsonNode prompt) {
        if (prompt.isTextual()) {
            return TokenEstimator.estimate(prompt.textValue());
        }
        if (prompt.isIntegralNumber()) {
            return 1;
        }
        long tokens = 0;
        if (prompt.isArray()) {
            for (JsonNode element : prompt) {
                tokens += promptTokens(element);
            }
        }
        return tokens;
    }
}
