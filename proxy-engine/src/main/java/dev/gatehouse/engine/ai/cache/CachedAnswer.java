package dev.gatehouse.engine.ai.cache;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A non-streamed answer kept for replay: status, the headers worth replaying (content type), the
 * body, and the model and token usage read from it. Immutable; the body is shared, not copied, on
 * every hit through {@link #body()}.
 */
public final class CachedAnswer {

    /** The only response header replayed: the rest (dates, request ids, upstream hints) would lie. */
    static final String CONTENT_TYPE = "content-type";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;
    private final String model;
    private final Usage usage;
    private final boolean cacheable;

    public CachedAnswer(int status, Map<String, String> headers, byte[] body, String model, Usage usage) {
        this(status, headers, requireNonNull(body, "body").clone(), model, usage, parse(body));
    }

    private CachedAnswer(int status, Map<String, String> headers, byte[] body, String model, Usage usage,
                         JsonNode json) {
        this.status = status;
        this.headers = Map.copyOf(requireNonNull(headers, "headers"));
        this.body = body;
        this.model = model;
        this.usage = usage;
        this.cacheable = status == 200 && json != null && json.path("choices").isArray();
    }

    /**
     * The answer to keep from an upstream response; {@code headers} may hold anything, only the
     * content type is kept. Model and usage are read from the body when it is OpenAI JSON.
     */
    public static CachedAnswer fromResponse(int status, Map<String, String> headers, byte[] body) {
        requireNonNull(headers, "headers");
        requireNonNull(body, "body");
        String contentType = null;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().toLowerCase(Locale.ROOT).equals(CONTENT_TYPE)) {
                contentType = header.getValue();
            }
        }
        String model = null;
        Usage usage = null;
        JsonNode json = parse(body);
        if (json != null && json.isObject()) {
            model = json.path("model").isTextual() ? json.get("model").asText() : null;
            JsonNode u = json.path("usage");
            if (u.isObject()) {
                usage = new Usage(u.path("prompt_tokens").asLong(), u.path("completion_tokens").asLong(),
                        u.path("total_tokens").asLong());
            }
        }
        return new CachedAnswer(status, contentType == null ? Map.of() : Map.of(CONTENT_TYPE, contentType),
                body.clone(), model, usage, json);
    }

    public int status() {
        return status;
    }

    /** Lower-case header names. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The body, read-only and not copied. */
    public ByteBuffer body() {
        return ByteBuffer.wrap(body).asReadOnlyBuffer();
    }

    public byte[] bodyBytes() {
        return body.clone();
    }

    public int bodyLength() {
        return body.length;
    }

    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    public Optional<Usage> usage() {
        return Optional.ofNullable(usage);
    }

    /** Only successful JSON completions are worth replaying; an error is better asked again. */
    public boolean isCacheable() {
        return cacheable;
    }

    /** {@link #asSseStream(boolean)} without a usage chunk. */
    public byte[] asSseStream() {
        return asSseStream(false);
    }

    /**
     * This answer as the bytes of an OpenAI-compatible event stream, for a client that asked to
     * stream: per choice a role chunk, the content in pieces of a few words, a finish chunk; then
     * a usage chunk when {@code includeUsage} (the request's {@code stream_options.include_usage})
     * and the usage is known; then {@code data: [DONE]}.
     */
    public byte[] asSseStream(boolean includeUsage) {
        JsonNode json = parse(body);
        if (json == null || !json.isObject()) {
            throw new IllegalStateException("not a JSON completion; check isCacheable() first");
        }
        return SseReplay.of((ObjectNode) json, includeUsage);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "CachedAnswer[" + status + ", " + body.length + " bytes, model=" + model + ", " + usage + ']';
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CachedAnswer that && status == that.status && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return 31 * status + Arrays.hashCode(body);
    }

    /** Token usage as the upstream reported it. */
    public record Usage(long promptTokens, long completionTokens, long totalTokens) {
    }
}
