package dev.gatehouse.engine.ai.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;

import static java.util.Objects.requireNonNull;

/**
 * Translates between the OpenAI protocol the gateway's clients speak and one upstream provider:
 * the request on the way out, the response, stream and errors on the way back. Adapters hold no
 * per-request state and are safe to share; stream translation is per request.
 */
public interface ProviderAdapter {

    static ProviderAdapter of(ProviderKind kind) {
        return of(kind, Clock.systemUTC());
    }

    /** {@code clock} stamps {@code created} on responses the adapter has to build itself. */
    static ProviderAdapter of(ProviderKind kind, Clock clock) {
        requireNonNull(kind, "kind");
        requireNonNull(clock, "clock");
        return switch (kind) {
            case OPENAI -> new OpenAiAdapter();
            case AZURE_OPENAI -> new AzureOpenAiAdapter();
            case ANTHROPIC -> new AnthropicAdapter(clock);
        };
    }

    ProviderKind kind();

    /**
     * Maps a client request ({@code pathAndQuery} as the client sent it, its parsed JSON body or
     * null when it has none) to the upstream call, or to the reason it cannot be served. Never
     * modifies {@code body}.
     */
    UpstreamRequest adapt(String pathAndQuery, ObjectNode body, ProviderSettings settings);

    /**
     * The OpenAI-shaped form of a successful (2xx) non-streamed upstream response.
     * {@code clientModel} is {@link ProviderCall#clientModel()}: the name to show, or null to keep
     * the upstream's. Never modifies {@code upstream}.
     */
    ObjectNode translateResponse(ObjectNode upstream, String clientModel);

    /**
     * A translator for one successful streamed response. {@code includeUsage} is the client's
     * {@code stream_options.include_usage}.
     */
    StreamTranslator streamTranslator(String clientModel, boolean includeUsage);

    /**
     * The OpenAI-shaped {@code {"error":{message,type,code}}} body for a failed upstream response;
     * the gateway keeps the upstream status. Works on any body, JSON or not.
     */
    default ObjectNode translateError(int status, byte[] body) {
        return UpstreamErrors.toOpenAi(status, body);
    }
}
