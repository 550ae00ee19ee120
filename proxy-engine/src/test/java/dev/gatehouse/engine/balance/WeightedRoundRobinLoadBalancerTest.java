package dev.gatehouse.engine.balance;

import static dev.gatehouse.engine.balance.BalancerTesting.countPicks;
import static dev.gatehouse.engine.balance.BalancerTesting.countPicksConcurrently;
import static dev.gatehouse.engine.balance.BalancerTesting.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.upstream.Endpoint;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class WeightedRoundRobinLoadBalancerTest {

    private final Endpoint a = endpoint(1, 5);
    private final Endpoint b = endpoint(2, 1);
    private final Endpoint c = endpoint(3, 1);

    @Test
    void weightedRoundRobinInterleavesSmoothlyLikeNginx() {
        LoadBalancer balancer = new WeightedRoundRobinLoadBalancer(List.of(a, b, c));

        // The sequence nginx documents for weights 5, 1, 1, repeated: a whole cycle is 7 picks.
        assertThat(IntStream.range(0, 14).mapToObj(i -> balancer.pick(PickContext.NONE)))
                .containsExactly(a, a, b, a, c, a, a, a, a, b, a, c, a, a);
    }

    @Test
    void weightedRoundRobinSharesMatchWeightsExactly() {
        LoadBalancer balancer = new WeightedRoundRobinLoadBalancer(List.of(a, b, c));

        assertThat(countPicks(balancer, 7 * 1_000))
                .containsEntry(a, 5_000)
                .containsEntry(b, 1_000)
                .containsEntry(c, 1_000);
    }

    @Test
    void weightedRoundRobinGivesRampingUpEndpointItsReducedShare() {
        SwitchableHealth health = new SwitchableHealth();
        Endpoint steady = endpoint(1, 100);
        Endpoint rampingUp = endpoint(2, 100, health);
        LoadBalancer balancer = new WeightedRoundRobinLoadBalancer(List.of(steady, rampingUp));
        health.setShare(0.5);

        assertThat(countPicks(balancer, 150 * 100))
                .containsEntry(steady, 10_000)
                .containsEntry(rampingUp, 5_000);
    }

    @Test
    void weightedRoundRobinSkipsEjectedEndpoint() {
        SwitchableHealth health = new SwitchableHealth();
        Endpoint ejected = endpoint(4, 10, health);
        LoadBalancer balancer = new WeightedRoundRobinLoadBalancer(List.of(a, ejected, b, c));
        health.setAvailable(false);

        assertThat(countPicks(balancer, 7 * 100))
                .containsEntry(a, 500)
                .containsEntry(b, 100)
                .containsEntry(c, 100)
                .containsEntry(ejected, 0);
    }

    @Test
    void weightedRoundRobinCountsZeroWeightAsOne() {
        Endpoint zero = endpoint(4, 0);
        LoadBalancer balancer = new WeightedRoundRobinLoadBalancer(List.of(a, zero));

        assertThat(countPicks(balancer, 6 * 100)).containsEntry(a, 500).containsEntry(zero, 100);
    }

    @Test
    void weightedRoundRobinReturnsNullWhenNoEndpointIsAvailable() {
        SwitchableHealth health = new SwitchableHealth();
        LoadBalancer balancer = new WeightedRoundRobinLoadBalancer(
                List.of(endpoint(1, 5, health), endpoint(2, 1, health)));
        health.setAvailable(false);

        assertThat(balancer.pick(PickContext.NONE)).isNull();
    }

    @Test
    void weightedRoundRobinOverEmptyPoolReturnsNull() {
        assertThat(new WeightedRoundRobinLoadBalancer(List.of()).pick(PickContext.NONE)).isNull();
    }

    @Test
    void weightedRoundRobinSharesMatchWeightsExactlyUnderConcurrentPicks() throws Exception {
        Endpoint x = endpoint(1, 5);
        Endpoint y = endpoint(2, 3);
        Endpoint z = endpoint(3, 2);
        LoadBalancer balancer = new WeightedRoundRobinLoadBalancer(List.of(x, y, z));

        // 40,000 picks are 4,000 whole cycles of 10, whichever thread made each pick.
        assertThat(countPicksConcurrently(balancer, 4, 10_000))
                .containsEntry(x, 20_000)
                .containsEntry(y, 12_000)
                .containsEntry(z, 8_000);
    }
}
