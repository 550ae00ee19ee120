package dev.gatehouse.engine.admin;

import dev.gatehouse.engine.config.GatewayConfig;

import static java.util.Objects.requireNonNull;

/**
 * The running config and the version it runs as. The version grows by one with every apply,
 * whoever made it (admin API, file edit, rollback), so it detects concurrent changes.
 */
public record VersionedConfig(long version, GatewayConfig config) {

    public VersionedConfig {
        requireNonNull(config, "config");
    }
}
