package dev.gatehouse.engine.balance;

import static dev.gatehouse.engine.balance.BalancerTesting.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.config.BalancerConfig;
import dev.gatehouse.engine.config.BalancerConfig.Strategy;
import dev.gatehouse.engine.upstream.Endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LoadBalancersTest {

    private static final Map<Strategy, Class<?>> IMPLEMENTATIONS = Map.of(
            Strategy.ROUND_ROBIN, RoundRobinLoadBalancer.class,
            Strategy.WEIGHTED_ROUND_ROBIN, WeightedRoundRobinLoadBalancer.class,
            Strategy.LEAST_CONNECTIONS, LeastConnectionsLoadBalancer.class,
            Strategy.LEAST_LATENCY, LeastLatencyLoadBalancer.class,
            Strategy.CONSISTENT_HASH, ConsistentHashLoadBalancer.class,
            Strategy.DYNAMIC_WEIGHT, DynamicWeightLoadBalancer.class);

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void createBuildsTheStrategyTheConfigNames(Strategy strategy) {
        LoadBalancer balancer = LoadBalancer.create(BalancerConfig.of(strategy), List.of(endpoint(1)));

        assertThat(balancer).isInstanceOf(IMPLEMENTATIONS.get(strategy));
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void everyStrategyPicksOnlyAvailableEndpointsAndKeepsItsOwnCopyOfThePool(Strategy strategy) {
        SwitchableHealth health = new SwitchableHealth();
        Endpoint ejected = endpoint(2, health);
        List<Endpoint> pool = new ArrayList<>(List.of(endpoint(1), ejected));
        LoadBalancer balancer = LoadBalancer.create(BalancerConfig.of(strategy), pool);
        pool.clear();
        health.setAvailable(false);

        assertThat(balancer.endpoints()).hasSize(2);
        for (int i = 0; i < 100; i++) {
            assertThat(balancer.pick(PickContext.hashedOn("key-" + i))).isSameAs(balancer.endpoints().get(0));
        }
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void everyStrategyOverEmptyPoolReturnsNull(Strategy strategy) {
        LoadBalancer balancer = LoadBalancer.create(BalancerConfig.of(strategy), List.of());

        assertThat(balancer.pick(PickContext.NONE)).isNull();
        assertThat(balancer.pick(PickContext.hashedOn("key"))).isNull();
    }

    @Test
    void defaultConfigBalancesBySmoothWeightedRoundRobin() {
        assertThat(LoadBalancer.create(BalancerConfig.defaults(), List.of(endpoint(1))))
                .isInstanceOf(WeightedRoundRobinLoadBalancer.class);
    }
}
