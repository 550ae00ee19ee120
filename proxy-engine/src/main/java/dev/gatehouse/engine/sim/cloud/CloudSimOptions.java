package dev.gatehouse.engine.sim.cloud;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;

/**
 * How the cloud simulator behaves: where it listens, its clock (tests drive it), how long tokens
 * live, how long an ECS job and a peering's activation take, and how many servers the quota allows.
 */
public record CloudSimOptions(String host, int port, String region, Clock clock, Duration tokenLifetime,
                              Duration jobDuration, Duration peeringActivation, int serverQuota,
                              int hostEndpointLookupsPerMinute) {

    public CloudSimOptions {
        requireNonNull(host, "host");
        requireNonNull(region, "region");
        requireNonNull(clock, "clock");
        requireNonNull(tokenLifetime, "tokenLifetime");
        requireNonNull(jobDuration, "jobDuration");
        requireNonNull(peeringActivation, "peeringActivation");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
    }

    /** Loopback, an ephemeral port, cn-north-4, real time: 24 h tokens, 3 s jobs, 1 s activation, 3 servers. */
    public static CloudSimOptions defaults() {
        return new CloudSimOptions("127.0.0.1", 0, "cn-north-4", Clock.systemUTC(), Duration.ofHours(24),
                Duration.ofSeconds(3), Duration.ofSeconds(1), 3, 20);
    }

    public CloudSimOptions withListen(String newHost, int newPort) {
        return new CloudSimOptions(newHost, newPort, region, clock, tokenLifetime, jobDuration, peeringActivation,
                serverQuota, hostEndpointLookupsPerMinute);
    }

    public CloudSimOptions withClock(Clock newClock) {
        return new CloudSimOptions(host, port, region, newClock, tokenLifetime, jobDuration, peeringActivation,
                serverQuota, hostEndpointLookupsPerMinute);
    }

    public CloudSimOptions withTokenLifetime(Duration lifetime) {
        return new CloudSimOptions(host, port, region, clock, lifetime, jobDuration, peeringActivation,
                serverQuota, hostEndpointLookupsPerMinute);
    }
}
