package dev.gatehouse.engine.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads and writes {@link GatewayConfig} as JSON. Reading is strict: a misspelt field, a string
 * where a number belongs or a duplicate key is an error with the path of the field, because a
 * typo silently ignored is a gateway that quietly does something else. Writing is stable (field
 * order as in the records, map keys sorted, {@code \n} line ends), so saved files diff cleanly.
 *
 * <p>Parsing does not validate; see {@link ConfigValidator} and {@link ConfigLoader}.
 */
public final class ConfigCodec {

    private final ObjectMapper mapper = ConfigJson.mapper();
    private final ObjectWriter writer = ConfigJson.prettyWriter(mapper);

    /** Reads one configuration, or fails with the errors that make {@code json} unreadable. */
    public GatewayConfig parse(String json) throws ConfigException {
        // Read the tree first: syntax errors get line and column, and mapping errors can quote
        // the offending value from it.
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException(null, List.of(JsonProblems.syntax(e)), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ConfigException(List.of(ConfigError.ofDocument("empty document, expected a JSON object")));
        }
        if (!tree.isObject()) {
            throw new ConfigException(List.of(ConfigError.ofDocument(
                    "expected a JSON object at the top level, got " + JsonProblems.describe(tree))));
        }
        try {
            return mapper.treeToValue(tree, GatewayConfig.class);
        } catch (JacksonException e) {
            throw new ConfigException(null, List.of(JsonProblems.mapping(e, tree)), e);
        }
    }

    /** Writes {@code config} as pretty JSON ending in a newline; {@code parse} reads it back equal. */
    public String write(GatewayConfig config) {
        try {
            return writer.writeValueAsString(config) + "\n";
        } catch (JsonProcessingException e) {
            // Records of strings, numbers and durations always serialise; this is a bug.
            throw new UncheckedIOException(e);
        }
    }
}
