package dev.gatehouse.engine.balance;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.engine.config.BalancerConfig;
import dev.gatehouse.engine.upstream.Endpoint;

import java.util.List;

/** Creates the strategy a pool's {@link BalancerConfig} names. */
final class LoadBalancers {

    private LoadBalancers() {
    }

    static LoadBalancer create(BalancerConfig config, List<Endpoint> endpoints) {
        requireNonNull(config, "config");
        requireNonNull(endpoints, "endpoints");
        return switch (config.strategy()) {
            case ROUND_ROBIN -> new RoundRobinLoadBalancer(endpoints);
            case WEIGHTED_ROUND_ROBIN -> new WeightedRoundRobinLoadBalancer(endpoints);
            // Weighted: the same as plain least connections when weights are equal, and it honours
            // the operator's weights when they are not.
            case LEAST_CONNECTIONS -> LeastConnectionsLoadBalancer.weighted(endpoints);
            case LEAST_LATENCY -> new LeastLatencyLoadBalancer(endpoints);
            case CONSISTENT_HASH -> new ConsistentHashLoadBalancer(endpoints);
            case DYNAMIC_WEIGHT -> new DynamicWeightLoadBalancer(endpoints);
        };
    }
}
