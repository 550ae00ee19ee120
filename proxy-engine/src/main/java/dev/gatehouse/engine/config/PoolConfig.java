package dev.gatehouse.engine.config;

import java.time.Duration;
import java.util.List;

/**
 * A named group of upstream endpoints with its balancing, health check and outlier policy, and how
 * often the endpoints' {@code metricsUrl}s are scraped ({@code metricsInterval}, default 5s), and
 * optionally where its endpoints are discovered ({@code discovery}).
 */
public record PoolConfig(
        String name,
        BalancerConfig balancer,
        List<EndpointConfig> endpoints,
        HealthCheckConfig healthCheck,
        OutlierConfig outlier,
        ProviderConfig provider,
        Duration metricsInterval,
        DiscoveryConfig discovery) {

    public static final Duration DEFAULT_METRICS_INTERVAL = Duration.ofSeconds(5);

    public PoolConfig {
        metricsInterval = metricsInterval == null ? DEFAULT_METRICS_INTERVAL : metricsInterval;
        provider = provider == null ? ProviderConfig.openAi() : provider;
        balancer = balancer == null ? BalancerConfig.defaults() : balancer;
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        healthCheck = healthCheck == null ? HealthCheckConfig.defaults() : healthCheck;
        outlier = outlier == null ? OutlierConfig.defaults() : outlier;
    }

    public PoolConfig(String name, BalancerConfig balancer, List<EndpointConfig> endpoints,
                      HealthCheckConfig healthCheck, OutlierConfig outlier, ProviderConfig provider,
                      Duration metricsInterval) {
        this(name, balancer, endpoints, healthCheck, outlier, provider, metricsInterval, null);
    }

    public PoolConfig(String name, BalancerConfig balancer, List<EndpointConfig> endpoints,
                      HealthCheckConfig healthCheck, OutlierConfig outlier, ProviderConfig provider) {
        this(name, balancer, endpoints, healthCheck, outlier, provider, null);
    }

    /** A pool of OpenAI-compatible (or plain HTTP) endpoints. */
    public PoolConfig(String name, BalancerConfig balancer, List<EndpointConfig> endpoints,
                      HealthCheckConfig healthCheck, OutlierConfig outlier) {
        this(name, balancer, endpoints, healthCheck, outlier, null);
    }

    public PoolConfig withEndpoints(List<EndpointConfig> newEndpoints) {
        return new PoolConfig(name, balancer, newEndpoints, healthCheck, outlier, provider, metricsInterval, discovery);
    }

    public PoolConfig withMetricsInterval(Duration interval) {
        return new PoolConfig(name, balancer, endpoints, healthCheck, outlier, provider, interval, discovery);
    }

    public PoolConfig withDiscovery(DiscoveryConfig newDiscovery) {
        return new PoolConfig(name, balancer, endpoints, healthCheck, outlier, provider, metricsInterval, newDiscovery);
    }
}
