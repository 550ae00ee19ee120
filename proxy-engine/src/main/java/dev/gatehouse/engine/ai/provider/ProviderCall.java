package dev.gatehouse.engine.ai.provider;

import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The request to send upstream. The gateway first removes {@code removeHeaders} from the client's
 * headers (client credentials never travel upstream), then sets {@code setHeaders} (the provider
 * credential and protocol headers), and sends {@code body} with a Content-Length it computes.
 * Header names are lower case. {@code clientModel} is the model name responses must show, or null
 * when the upstream's own name stands; pass it to {@link ProviderAdapter#translateResponse} and
 * {@link ProviderAdapter#streamTranslator}. The body array is not copied and takes part in
 * {@code equals} by identity only; treat it as read-only.
 */
public record ProviderCall(String pathAndQuery, Map<String, String> setHeaders, Set<String> removeHeaders,
                           byte[] body, String clientModel) implements UpstreamRequest {

    public ProviderCall {
        requireNonNull(pathAndQuery, "pathAndQuery");
        setHeaders = Map.copyOf(setHeaders);
        removeHeaders = Set.copyOf(removeHeaders);
        requireNonNull(body, "body");
    }
}
