package dev.gatehouse.engine.ai.cache;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The cache key of a request: SHA-256 over who asks (the consumer, or anonymous), the route, and
 * the request body in a normal form, so that requests that mean the same thing share an answer.
 *
 * <p>The normal form is the JSON tree written back with object keys sorted and no whitespace.
 * {@code stream} and {@code stream_options} are left out, so a streamed request can be answered
 * from a cached non-streamed one (and replayed with {@link CachedAnswer#asSseStream}); {@code user}
 * is left out because it only labels the end user for the provider's abuse tracking. Numbers keep
 * their written form: {@code 1} and {@code 1.0} are different keys, which costs a miss, never a
 * wrong answer.
 */
public final class CacheKeys {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> IGNORED_FIELDS = Set.of("stream", "stream_options", "user");
    private static final HexFormat HEX = HexFormat.of();

    private CacheKeys() {
    }

    /**
     * The key as 64 hex digits, or empty when the body is not a JSON object (nothing to cache).
     * {@code consumer} is null for anonymous requests.
     */
    public static Optional<String> of(byte[] requestBody, String consumer, String route) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(requestBody);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (tree == null || !tree.isObject()) {
            return Optional.empty();
        }
        MessageDigest digest = sha256();
        // The scope is prefixed so that a consumer named "anonymous" is not the anonymous scope.
        String scope = consumer == null ? "anonymous" : "consumer:" + consumer;
        digest.update((scope + '\0' + (route == null ? "" : route) + '\0').getBytes(StandardCharsets.UTF_8));
        try (JsonGenerator out = MAPPER.getFactory().createGenerator(
                new DigestOutputStream(OutputStream.nullOutputStream(), digest))) {
            writeSorted(tree, out, true);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a digest cannot fail", e);
        }
        return Optional.of(HEX.formatHex(digest.digest()));
    }

    private static void writeSorted(JsonNode node, JsonGenerator out, boolean topLevel) throws IOException {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            out.writeStartObject();
            for (String name : names) {
                if (topLevel && IGNORED_FIELDS.contains(name)) {
                    continue;
                }
                out.writeFieldName(name);
                writeSorted(node.get(name), out, false);
            }
            out.writeEndObject();
        } else if (node.isArray()) {
            out.writeStartArray();
            for (JsonNode element : node) {
                writeSorted(element, out, false);
            }
            out.writeEndArray();
        } else {
            MAPPER.writeTree(out, node);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
