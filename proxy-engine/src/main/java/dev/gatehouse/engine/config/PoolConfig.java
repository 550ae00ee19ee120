package dev.gatehouse.engine.config;

import java.util.List;

/** A named group of upstream endpoints with its balancing, health check and outlier policy. */
public record PoolConfig(
        String name,
        BalancerConfig balancer,
        List<EndpointConfig> endpoints,
        HealthCheckConfig healthCheck,
        OutlierConfig outlier,
        ProviderConfig provider) {

    public PoolConfig {
        provider = provider == null ? ProviderConfig.openAi() : provider;
        balancer = balancer == null ? BalancerConfig.defaults() : balancer;
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        healthCheck = healthCheck == null ? HealthCheckConfig.defaults() : healthCheck;
        outlier = outlier == null ? OutlierConfig.defaults() : outlier;
    }

    /** A pool of OpenAI-compatible (or plain HTTP) endpoints. */
    public PoolConfig(String name, BalancerConfig balancer, List<EndpointConfig> endpoints,
                      HealthCheckConfig healthCheck, OutlierConfig outlier) {
        this(name, balancer, endpoints, healthCheck, outlier, null);
    }

    public PoolConfig withEndpoints(List<EndpointConfig> newEndpoints) {
        return new PoolConfig(name, balancer, newEndpoints, healthCheck, outlier, provider);
    }
}
