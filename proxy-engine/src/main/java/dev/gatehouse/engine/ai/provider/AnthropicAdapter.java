package dev.gatehouse.engine.ai.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.Map;

/**
 * Anthropic Messages API behind the OpenAI chat completions endpoint: {@code /v1/chat/completions}
 * becomes {@code POST /v1/messages} (see {@link AnthropicRequestMapper} for the body), and
 * messages come back as {@code chat.completion}s. Other endpoints have no Anthropic counterpart.
 */
final class AnthropicAdapter implements ProviderAdapter {

    private static final String CHAT_COMPLETIONS = "/v1/chat/completions";

    private final Clock clock;

    AnthropicAdapter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.ANTHROPIC;
    }

    @Override
    public UpstreamRequest adapt(String pathAndQuery, ObjectNode body, ProviderSettings settings) {
        PassThrough.checkKind(settings, ProviderKind.ANTHROPIC);
        String path = Paths.withoutQuery(pathAndQuery);
        if (!path.equals(CHAT_COMPLETIONS)) {
            return new UnsupportedOperation("Anthropic upstreams serve only " + CHAT_COMPLETIONS + "; "
                    + path + " is not supported");
        }
        if (body == null) {
            return new UnsupportedOperation(CHAT_COMPLETIONS + " needs a JSON body");
        }
        ObjectNode messages;
        try {
            messages = AnthropicRequestMapper.toMessages(body, settings);
        } catch (AnthropicRequestMapper.Unmappable e) {
            return new UnsupportedOperation(e.getMessage());
        }
        Map<String, String> headers = Map.of(
                "x-api-key", settings.apiKey(),
                "anthropic-version", settings.anthropicVersion(),
                "content-type", "application/json");
        return new ProviderCall("/v1/messages", headers, OpenAiShapes.CLIENT_CREDENTIAL_HEADERS,
                OpenAiShapes.bytes(messages), OpenAiShapes.string(body, "model"));
    }

    /** A Messages API {@code message} as a {@code chat.completion} with one choice. */
    @Override
    public ObjectNode translateResponse(ObjectNode upstream, String clientModel) {
        ObjectNode completion = OpenAiShapes.JSON.createObjectNode();
        completion.put("id", upstream.path("id").asText(""));
        completion.put("object", "chat.completion");
        completion.put("created", clock.instant().getEpochSecond());
        completion.put("model", clientModel != null ? clientModel : upstream.path("model").asText(""));
        ObjectNode choice = completion.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", text(upstream.path("content")));
        choice.putNull("logprobs");
        choice.put("finish_reason", OpenAiShapes.finishReason(OpenAiShapes.string(upstream, "stop_reason")));
        completion.set("usage", OpenAiShapes.usage(upstream.path("usage")));
        return completion;
    }

    @Override
    public StreamTranslator streamTranslator(String clientModel, boolean includeUsage) {
        return new AnthropicStreamTranslator(clientModel, includeUsage, clock.instant().getEpochSecond());
    }

    /** The text blocks joined; tool_use and thinking blocks have no place in a text-only reply. */
    private static String text(JsonNode content) {
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            if ("text".equals(OpenAiShapes.string(block, "type"))) {
                text.append(block.path("text").asText(""));
            }
        }
        return text.toString();
    }
}
