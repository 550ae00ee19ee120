package dev.gatehouse.engine.upstream;

import dev.gatehouse.engine.balance.LoadBalancer;
import dev.gatehouse.engine.balance.PickContext;
import dev.gatehouse.engine.config.BalancerConfig;
import dev.gatehouse.engine.config.PoolConfig;

import java.util.List;

/**
 * A pool as one config snapshot serves it: its config, its run-time endpoints and the balancer
 * built over them. Immutable; a reload builds a new one that reuses unchanged endpoints.
 */
public record UpstreamPool(PoolConfig config, List<Endpoint> endpoints, LoadBalancer balancer) {

    public UpstreamPool {
        endpoints = List.copyOf(endpoints);
    }

    public String name() {
        return config.name();
    }

    public Endpoint pick(PickContext context) {
        return balancer.pick(context);
    }

    /** Whether the pool balances by consistent hash, and so needs a hash key per request. */
    public boolean hashes() {
        return config.balancer().strategy() == BalancerConfig.Strategy.CONSISTENT_HASH;
    }

    /** What the pool's consistent hash keys on: {@code client_ip}, {@code consumer} or {@code header:NAME}. */
    public String hashOn() {
        return config.balancer().hashOn();
    }
}
