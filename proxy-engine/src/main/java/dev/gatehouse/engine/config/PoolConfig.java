package dev.gatehouse.engine.config;

import java.util.List;

/** A named group of upstream endpoints with its balancing, health check and outlier policy. */
public record PoolConfig(
        String name,
        BalancerConfig balancer,
        List<EndpointConfig> endpoints,
        HealthCheckConfig healthCheck,
        OutlierConfig outlier) {

    public PoolConfig {
        balancer = balancer == null ? BalancerConfig.defaults() : balancer;
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        healthCheck = healthCheck == null ? HealthCheckConfig.defaults() : healthCheck;
        outlier = outlier == null ? OutlierConfig.defaults() : outlier;
    }

    public PoolConfig withEndpoints(List<EndpointConfig> newEndpoints) {
        return new PoolConfig(name, balancer, newEndpoints, healthCheck, outlier);
    }
}
