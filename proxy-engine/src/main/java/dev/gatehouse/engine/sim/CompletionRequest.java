package dev.gatehouse.engine.sim;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parts of an OpenAI chat or legacy completion request the simulator acts on.
 *
 * @param chat              true for {@code /v1/chat/completions}, false for {@code /v1/completions}
 * @param promptTokens      estimated from the prompt text, about four characters per token
 * @param completionTokens  {@code max_tokens} when given, else a length derived from the prompt
 * @param contentSeed       seeds the generated text: the simulator's seed mixed with the prompt
 */
record CompletionRequest(
        boolean chat,
        String model,
        boolean stream,
        boolean includeUsage,
        int promptTokens,
        int completionTokens,
        long contentSeed) {

    static final int MAX_COMPLETION_TOKENS = 16_384;

    /** Thrown for a request OpenAI would answer with 400 {@code invalid_request_error}. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    static CompletionRequest parse(JsonNode body, boolean chat, String defaultModel, long seed) throws Invalid {
        if (body == null || !body.isObject()) {
            throw new Invalid("The request body must be a JSON object.");
        }
        JsonNode modelNode = body.path("model");
        if (!modelNode.isMissingNode() && !modelNode.isTextual()) {
            throw new Invalid("'model' must be a string.");
        }
        String model = modelNode.isTextual() ? modelNode.asText() : defaultModel;
        String prompt = chat ? chatText(body) : promptText(body);
        int promptTokens = chat
                ? 3 + body.path("messages").size() * 4 + (prompt.length() + 3) / 4
                : Math.max(1, (prompt.length() + 3) / 4);
        long contentSeed = seed * 31 + prompt.hashCode();
        int completionTokens = maxTokens(body, contentSeed);
        boolean stream = body.path("stream").asBoolean(false);
        boolean includeUsage = stream && body.path("stream_options").path("include_usage").asBoolean(false);
        return new CompletionRequest(chat, model, stream, includeUsage, promptTokens, completionTokens, contentSeed);
    }

    private static String chatText(JsonNode body) throws Invalid {
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new Invalid("'messages' must be a non-empty array.");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode message : messages) {
            if (!message.path("role").isTextual()) {
                throw new Invalid("Each message needs a string 'role'.");
            }
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                text.append(content.asText());
            } else if (content.isArray()) {
                for (JsonNode part : content) {
                    text.append(part.path("text").asText(""));
                }
            }
        }
        return text.toString();
    }

    private static String promptText(JsonNode body) throws Invalid {
        JsonNode prompt = body.path("prompt");
        if (prompt.isTextual()) {
            return prompt.asText();
        }
        if (prompt.isArray()) {
            StringBuilder text = new StringBuilder();
            prompt.forEach(p -> text.append(p.asText("")));
            return text.toString();
        }
        throw new Invalid("'prompt' must be a string or an array of strings.");
    }

    private static int maxTokens(JsonNode body, long contentSeed) throws Invalid {
        JsonNode max = body.has("max_completion_tokens") ? body.get("max_completion_tokens") : body.get("max_tokens");
        if (max == null || max.isNull()) {
            return TextGenerator.defaultLength(contentSeed);
        }
        if (!max.canConvertToInt() || !max.isIntegralNumber() || max.asInt() < 1) {
            throw new Invalid("'max_tokens' must be a positive integer.");
        }
        return Math.min(max.asInt(), MAX_COMPLETION_TOKENS);
    }
}
