package dev.gatehouse.engine.balance;

import static dev.gatehouse.engine.balance.BalancerTesting.countPicks;
import static dev.gatehouse.engine.balance.BalancerTesting.countPicksConcurrently;
import static dev.gatehouse.engine.balance.BalancerTesting.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.upstream.Endpoint;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RoundRobinLoadBalancerTest {

    private final Endpoint a = endpoint(1);
    private final Endpoint b = endpoint(2);
    private final Endpoint c = endpoint(3);

    @Test
    void roundRobinVisitsEndpointsInPoolOrder() {
        LoadBalancer balancer = new RoundRobinLoadBalancer(List.of(a, b, c));

        assertThat(IntStream.range(0, 7).mapToObj(i -> balancer.pick(PickContext.NONE)))
                .containsExactly(a, b, c, a, b, c, a);
    }

    @Test
    void roundRobinSkipsEjectedEndpoint() {
        SwitchableHealth health = new SwitchableHealth();
        Endpoint ejected = endpoint(4, health);
        LoadBalancer balancer = new RoundRobinLoadBalancer(List.of(a, ejected, b, c));
        health.setAvailable(false);

        assertThat(countPicks(balancer, 3_000))
                .containsEntry(a, 1_000)
                .containsEntry(b, 1_000)
                .containsEntry(c, 1_000)
                .containsEntry(ejected, 0);
    }

    @Test
    void roundRobinIncludesEndpointAgainOnceItRecovers() {
        SwitchableHealth health = new SwitchableHealth();
        Endpoint flaky = endpoint(4, health);
        LoadBalancer balancer = new RoundRobinLoadBalancer(List.of(a, flaky));
        health.setAvailable(false);
        countPicks(balancer, 10);
        health.setAvailable(true);

        assertThat(countPicks(balancer, 100)).containsEntry(a, 50).containsEntry(flaky, 50);
    }

    @Test
    void roundRobinReturnsNullWhenNoEndpointIsAvailable() {
        SwitchableHealth health = new SwitchableHealth();
        LoadBalancer balancer = new RoundRobinLoadBalancer(List.of(endpoint(1, health), endpoint(2, health)));
        health.setAvailable(false);

        assertThat(balancer.pick(PickContext.NONE)).isNull();
    }

    @Test
    void roundRobinOverEmptyPoolReturnsNull() {
        assertThat(new RoundRobinLoadBalancer(List.of()).pick(PickContext.NONE)).isNull();
    }

    @Test
    void roundRobinSharesExactlyEvenlyUnderConcurrentPicks() throws Exception {
        Endpoint d = endpoint(4);
        LoadBalancer balancer = new RoundRobinLoadBalancer(List.of(a, b, c, d));

        assertThat(countPicksConcurrently(balancer, 4, 10_000).values()).containsOnly(10_000);
    }
}
