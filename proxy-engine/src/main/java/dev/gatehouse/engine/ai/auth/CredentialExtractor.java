package dev.gatehouse.engine.ai.auth;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the API key a client presented, in the headers OpenAI, Anthropic and Azure OpenAI clients
 * send it in: {@code Authorization: Bearer KEY}, {@code x-api-key: KEY}, {@code api-key: KEY}.
 */
public final class CredentialExtractor {

    private static final String BEARER = "bearer ";

    private CredentialExtractor() {
    }

    /**
     * The presented key, or empty when there is none. {@code headers} looks a header up by its
     * lower-case name (Netty's {@code HttpHeaders::get} is case-insensitive) and returns null when
     * it is absent. An {@code Authorization} header of another scheme (Basic) is not a key.
     */
    public static Optional<String> extract(Function<String, String> headers) {
        requireNonNull(headers, "headers");
        String authorization = headers.apply("authorization");
        if (authorization != null) {
            String value = authorization.strip();
            if (value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                Optional<String> key = nonBlank(value.substring(BEARER.length()));
                if (key.isPresent()) {
                    return key;
                }
            }
        }
        Optional<String> key = nonBlank(headers.apply("x-api-key"));
        return key.isPresent() ? key : nonBlank(headers.apply("api-key"));
    }

    private static Optional<String> nonBlank(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
    }
}
