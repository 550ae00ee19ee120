package dev.gatehouse.engine.config;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A previous configuration kept by {@link ConfigStore}: {@code seq} grows by one with every
 * replaced configuration, {@code replacedAt} is when it stopped being the current one.
 */
public record ConfigVersion(long seq, Instant replacedAt) {

    public ConfigVersion {
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be at least 1, got " + seq);
        }
        requireNonNull(replacedAt, "replacedAt");
    }
}
