package dev.gatehouse.engine.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a configuration file and checks it: what the engine and the command line use to get a
 * config they can run. Errors name the file in the exception's message; their paths stay field
 * paths so that an editor can point at the field.
 */
public final class ConfigLoader {

    private static final ConfigCodec CODEC = new ConfigCodec();

    private ConfigLoader() {
    }

    /** Parses and validates {@code file}; throws with every problem found. */
    public static GatewayConfig load(Path file) throws ConfigException, IOException {
        return parseAndValidate(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses and validates {@code json}; {@code source} (a file name) prefixes the message. */
    public static GatewayConfig parseAndValidate(String json, String source) throws ConfigException {
        try {
            return ConfigValidator.requireValid(CODEC.parse(json));
        } catch (ConfigException e) {
            throw e.withSource(source);
        }
    }
}
