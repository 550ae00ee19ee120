package dev.gatehouse.engine.admin;

import dev.gatehouse.engine.config.ConfigError;

import java.util.List;

/** The verdict on a config: valid, or every error with the path of its field. */
public record ValidationResult(boolean valid, List<ConfigError> errors) {

    public ValidationResult {
        errors = List.copyOf(errors);
        if (valid != errors.isEmpty()) {
            throw new IllegalArgumentException("a config is valid exactly when it has no errors");
        }
    }

    public static ValidationResult of(List<ConfigError> errors) {
        return new ValidationResult(errors.isEmpty(), errors);
    }
}
