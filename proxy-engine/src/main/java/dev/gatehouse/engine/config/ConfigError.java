package dev.gatehouse.engine.config;

import static java.util.Objects.requireNonNull;

/**
 * One problem in a configuration: the path of the field ({@code routes[3].pool}) and what is wrong
 * with it. The path is empty for problems that belong to no field, such as JSON syntax errors.
 */
public record ConfigError(String path, String message) {

    public ConfigError {
        requireNonNull(path, "path");
        requireNonNull(message, "message");
    }

    /** An error that belongs to the document as a whole rather than to one field. */
    public static ConfigError ofDocument(String message) {
        return new ConfigError("", message);
    }

    /** As shown to users: {@code routes[3].pool: no pool named "qwen-72b"}. */
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
