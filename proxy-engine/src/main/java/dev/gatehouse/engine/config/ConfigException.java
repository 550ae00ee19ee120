package dev.gatehouse.engine.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A configuration that cannot be used, with every problem found in it. The message lists the
 * errors one per line; when the configuration came from a file, each line starts with its name.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigError> errors;
    private final String source;

    public ConfigException(List<ConfigError> errors) {
        this(null, errors);
    }

    /** {@code source} names where the configuration came from (a file), or is null. */
    public ConfigException(String source, List<ConfigError> errors) {
        this(source, errors, null);
    }

    ConfigException(String source, List<ConfigError> errors, Throwable cause) {
        super(message(source, errors), cause);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        this.errors = List.copyOf(errors);
        this.source = source;
    }

    /** The same errors, attributed to {@code newSource}. */
    public ConfigException withSource(String newSource) {
        return new ConfigException(requireNonNull(newSource, "newSource"), errors, getCause());
    }

    public List<ConfigError> errors() {
        return errors;
    }

    /** Where the configuration came from, if it came from a file. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    private static String message(String source, List<ConfigError> errors) {
        String prefix = source == null ? "" : source + ": ";
        return errors.stream().map(e -> prefix + e).collect(Collectors.joining("\n"));
    }
}
