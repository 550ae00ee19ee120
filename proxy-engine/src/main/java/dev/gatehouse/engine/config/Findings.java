package dev.gatehouse.engine.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Collects validation errors and words the checks that recur across sections the same way. */
final class Findings {

    private final List<ConfigError> errors = new ArrayList<>();

    void add(String path, String message) {
        errors.add(new ConfigError(path, message));
    }

    List<ConfigError> errors() {
        return List.copyOf(errors);
    }

    /** Null is "required", blank "must not be blank"; returns whether the text is usable. */
    boolean text(String path, String value) {
        if (value == null) {
            add(path, "required");
            return false;
        }
        if (value.isBlank()) {
            add(path, "must not be blank");
            return false;
        }
        return true;
    }

    void between(String path, Number value, long min, long max) {
        if (value == null) {
            add(path, "required");
        } else if (value.longValue() < min || value.longValue() > max) {
            add(path, "must be between " + min + " and " + max + ", got " + value);
        }
    }

    void atLeast(String path, Number value, long min) {
        if (value.longValue() < min) {
            add(path, "must be at least " + min + ", got " + value);
        }
    }

    void positive(String path, Duration value) {
        if (value.isNegative() || value.isZero()) {
            add(path, "must be greater than 0, got " + DurationText.format(value));
        }
    }

    void atLeast(String path, Duration value, Duration min) {
        if (value.compareTo(min) < 0) {
            add(path, "must be at least " + DurationText.format(min) + ", got " + DurationText.format(value));
        }
    }

    void notNegative(String path, Duration value) {
        if (value.isNegative()) {
            add(path, "must not be negative, got " + DurationText.format(value));
        }
    }

    void startsWithSlash(String path, String value) {
        if (!value.startsWith("/")) {
            add(path, "must start with \"/\", got " + quote(value));
        }
    }

    /** An RFC 9110 token, the syntax of HTTP methods and header names. */
    static boolean isToken(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    static String quote(String value) {
        return value == null ? "null" : '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
