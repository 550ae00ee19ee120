package dev.gatehouse.engine.balance;

import static dev.gatehouse.engine.balance.BalancerTesting.countPicks;
import static dev.gatehouse.engine.balance.BalancerTesting.countPicksConcurrently;
import static dev.gatehouse.engine.balance.BalancerTesting.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.upstream.Endpoint;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class LeastConnectionsLoadBalancerTest {

    private final Endpoint a = endpoint(1);
    private final Endpoint b = endpoint(2);
    private final Endpoint c = endpoint(3);

    private static void start(Endpoint endpoint, int requests) {
        IntStream.range(0, requests).forEach(i -> endpoint.requestStarted());
    }

    @Test
    void leastConnectionsPicksEndpointWithFewestInFlight() {
        start(a, 3);
        start(b, 1);
        start(c, 2);
        LoadBalancer balancer = LeastConnectionsLoadBalancer.unweighted(List.of(a, b, c));

        assertThat(countPicks(balancer, 10)).containsEntry(b, 10);
    }

    @Test
    void leastConnectionsFollowsRequestsAsTheyStartAndFinish() {
        LoadBalancer balancer = LeastConnectionsLoadBalancer.unweighted(List.of(a, b));
        start(a, 2);
        start(b, 1);
        assertThat(balancer.pick(PickContext.NONE)).isSameAs(b);

        a.requestFinished();
        a.requestFinished();

        assertThat(balancer.pick(PickContext.NONE)).isSameAs(a);
    }

    @Test
    void leastConnectionsBreaksTiesByWeight() {
        Endpoint heavy = endpoint(4, 200);
        start(heavy, 1);
        start(a, 1);
        LoadBalancer balancer = LeastConnectionsLoadBalancer.unweighted(List.of(a, heavy));

        assertThat(countPicks(balancer, 10)).containsEntry(heavy, 10);
    }

    @Test
    void leastConnectionsRotatesAmongEqualEndpoints() {
        start(a, 1);
        start(b, 1);
        start(c, 1);
        LoadBalancer balancer = LeastConnectionsLoadBalancer.unweighted(List.of(a, b, c));

        assertThat(countPicks(balancer, 300).values()).containsOnly(100);
    }

    @Test
    void weightedLeastConnectionsComparesInFlightPerWeight() {
        Endpoint heavy = endpoint(4, 300);
        start(heavy, 5); // 5/300 is less loaded than 2/100
        start(a, 2);
        LoadBalancer weighted = LeastConnectionsLoadBalancer.weighted(List.of(a, heavy));
        LoadBalancer unweighted = LeastConnectionsLoadBalancer.unweighted(List.of(a, heavy));

        assertThat(weighted.pick(PickContext.NONE)).isSameAs(heavy);
        assertThat(unweighted.pick(PickContext.NONE)).isSameAs(a);
    }

    @Test
    void weightedLeastConnectionsBreaksEqualRatiosByWeight() {
        Endpoint heavy = endpoint(4, 200);
        start(heavy, 2);
        start(a, 1);
        LoadBalancer balancer = LeastConnectionsLoadBalancer.weighted(List.of(a, heavy));

        assertThat(countPicks(balancer, 10)).containsEntry(heavy, 10);
    }

    @Test
    void leastConnectionsSkipsEjectedEndpoint() {
        SwitchableHealth health = new SwitchableHealth();
        Endpoint idleButEjected = endpoint(4, health);
        start(a, 1);
        start(b, 1);
        LoadBalancer balancer = LeastConnectionsLoadBalancer.weighted(List.of(a, idleButEjected, b));
        health.setAvailable(false);

        assertThat(countPicks(balancer, 100))
                .containsEntry(a, 50)
                .containsEntry(b, 50)
                .containsEntry(idleButEjected, 0);
    }

    @Test
    void leastConnectionsReturnsNullWhenNoEndpointIsAvailable() {
        SwitchableHealth health = new SwitchableHealth();
        LoadBalancer balancer = LeastConnectionsLoadBalancer.weighted(
                List.of(endpoint(1, health), endpoint(2, health)));
        health.setAvailable(false);

        assertThat(balancer.pick(PickContext.NONE)).isNull();
    }

    @Test
    void leastConnectionsOverEmptyPoolReturnsNull() {
        assertThat(LeastConnectionsLoadBalancer.weighted(List.of()).pick(PickContext.NONE)).isNull();
    }

    @Test
    void leastConnectionsSharesIdlePoolExactlyUnderConcurrentPicks() throws Exception {
        Endpoint d = endpoint(4);
        LoadBalancer balancer = LeastConnectionsLoadBalancer.weighted(List.of(a, b, c, d));

        assertThat(countPicksConcurrently(balancer, 4, 10_000).values()).containsOnly(10_000);
    }
}
