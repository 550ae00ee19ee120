package dev.gatehouse.engine.upstream;

import dev.gatehouse.engine.balance.LoadBalancer;
import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.health.EndpointHealth;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Builds a pool's run-time form from its config, keeping the {@link Endpoint} objects of the
 * previous snapshot that are unchanged, so that their health, in-flight counts and latency
 * survive a reload.
 */
public final class PoolBuilder {

    private final BiFunction<PoolConfig, EndpointConfig, EndpointHealth> healthFactory;

    /** @param healthFactory makes the health tracker of a new endpoint of a pool */
    public PoolBuilder(BiFunction<PoolConfig, EndpointConfig, EndpointHealth> healthFactory) {
        this.healthFactory = healthFactory;
    }

    public UpstreamPool build(PoolConfig config, UpstreamPool previous) {
        List<Endpoint> endpoints = new ArrayList<>(config.endpoints().size());
        boolean samePolicies = previous != null
                && previous.config().healthCheck().equals(config.healthCheck())
                && previous.config().outlier().equals(config.outlier());
        for (EndpointConfig endpointConfig : config.endpoints()) {
            Endpoint kept = samePolicies ? find(previous.endpoints(), endpointConfig) : null;
            endpoints.add(kept != null ? kept
                    : new Endpoint(config.name(), endpointConfig, healthFactory.apply(config, endpointConfig)));
        }
        return new UpstreamPool(config, endpoints, LoadBalancer.create(config.balancer(), endpoints));
    }

    private static Endpoint find(List<Endpoint> endpoints, EndpointConfig config) {
        for (Endpoint endpoint : endpoints) {
            if (endpoint.sameAs(config)) {
                return endpoint;
            }
        }
        return null;
    }
}
