package dev.gatehouse.engine.config;

import java.time.Duration;

/**
 * Active health checking: {@code GET path} every {@code interval}; {@code unhealthyThreshold}
 * consecutive failures mark an endpoint down, {@code healthyThreshold} successes bring it back.
 * Defaults from seed 001 §2.3: every 10 s, 3 failures.
 */
public record HealthCheckConfig(
        Boolean enabled,
        String path,
        Duration interval,
        Duration timeout,
        Integer unhealthyThreshold,
        Integer healthyThreshold) {

    public HealthCheckConfig {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        path = path == null ? "/health" : path;
        interval = interval == null ? Duration.ofSeconds(10) : interval;
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
        unhealthyThreshold = unhealthyThreshold == null ? 3 : unhealthyThreshold;
        healthyThreshold = healthyThreshold == null ? 2 : healthyThreshold;
    }

    public static HealthCheckConfig defaults() {
        return new HealthCheckConfig(null, null, null, null, null, null);
    }
}
