package dev.gatehouse.engine.config;

import java.time.Duration;

/**
 * A ModelArts online service whose host endpoints (seed 000's VPC direct channel) fill the pool.
 * {@code credentials} names where the cloud credentials are: {@code "vault:NAME"} (saved encrypted
 * under the state directory) or {@code "env"} ({@code HUAWEICLOUD_SDK_AK}/{@code _SK}, nothing
 * stored); never the secrets themselves. {@code endpoint} and {@code iamEndpoint} override the
 * regional URLs (a private cloud, the simulator). {@code interval} is how often the endpoints are
 * looked up (default 30 s; at least 3 s, since a sub-account may look up 20 times a minute);
 * {@code drainTimeout} is how long a vanished endpoint drains before it leaves the pool (default 60 s).
 */
public record ModelArtsDiscoveryConfig(
        String region,
        String projectId,
        String serviceId,
        String credentials,
        String endpoint,
        String iamEndpoint,
        Duration interval,
        Duration drainTimeout) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(3);
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(60);

    public ModelArtsDiscoveryConfig {
        interval = interval == null ? DEFAULT_INTERVAL : interval;
        drainTimeout = drainTimeout == null ? DEFAULT_DRAIN_TIMEOUT : drainTimeout;
    }
}
