package dev.gatehouse.engine.config;

import java.time.Duration;

/**
 * Request limits and timeouts. Defaults from seed 000: a 12 MB request body and a 40 s upstream
 * timeout (the cloud API gateway's own limits, which the VPC direct channel no longer enforces).
 */
public record LimitsConfig(
        Long maxBodyBytes,
        Integer maxHeaderBytes,
        Integer maxInitialLineBytes,
        Duration headerReadTimeout,
        Duration upstreamTimeout,
        Duration connectTimeout,
        Duration clientIdleTimeout,
        Duration upstreamIdleTimeout,
        Duration drainTimeout) {

    public static final long DEFAULT_MAX_BODY_BYTES = 12L * 1024 * 1024;

    public LimitsConfig {
        maxBodyBytes = maxBodyBytes == null ? DEFAULT_MAX_BODY_BYTES : maxBodyBytes;
        maxHeaderBytes = maxHeaderBytes == null ? 16 * 1024 : maxHeaderBytes;
        maxInitialLineBytes = maxInitialLineBytes == null ? 8 * 1024 : maxInitialLineBytes;
        headerReadTimeout = headerReadTimeout == null ? Duration.ofSeconds(10) : headerReadTimeout;
        upstreamTimeout = upstreamTimeout == null ? Duration.ofSeconds(40) : upstreamTimeout;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        clientIdleTimeout = clientIdleTimeout == null ? Duration.ofSeconds(60) : clientIdleTimeout;
        upstreamIdleTimeout = upstreamIdleTimeout == null ? Duration.ofSeconds(30) : upstreamIdleTimeout;
        drainTimeout = drainTimeout == null ? Duration.ofSeconds(30) : drainTimeout;
    }

    public static LimitsConfig defaults() {
        return new LimitsConfig(null, null, null, null, null, null, null, null, null);
    }
}
