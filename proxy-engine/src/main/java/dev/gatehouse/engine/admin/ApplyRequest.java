package dev.gatehouse.engine.admin;

import dev.gatehouse.engine.config.GatewayConfig;

import static java.util.Objects.requireNonNull;

/**
 * A config to apply and, optionally, the version it was based on ({@link VersionedConfig#version()}):
 * with one, the apply is refused as a conflict if another apply happened since.
 */
public record ApplyRequest(GatewayConfig config, Long basedOnVersion) {

    public ApplyRequest {
        requireNonNull(config, "config");
    }

    /** Applies whatever runs now. */
    public static ApplyRequest unconditional(GatewayConfig config) {
        return new ApplyRequest(config, null);
    }

    /** Applies only if version {@code version} still runs. */
    public static ApplyRequest basedOn(GatewayConfig config, long version) {
        return new ApplyRequest(config, version);
    }
}
