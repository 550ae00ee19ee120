package dev.gatehouse.engine.balance;

import static dev.gatehouse.engine.balance.BalancerTesting.countPicks;
import static dev.gatehouse.engine.balance.BalancerTesting.countPicksConcurrently;
import static dev.gatehouse.engine.balance.BalancerTesting.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.upstream.Endpoint;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LeastLatencyLoadBalancerTest {

    private final Endpoint fast = endpoint(1);
    private final Endpoint slow = endpoint(2);

    private static Endpoint measured(Endpoint endpoint, Duration latency) {
        endpoint.latency().record(latency.toNanos());
        return endpoint;
    }

    private static LoadBalancer balancer(Endpoint... endpoints) {
        return new LeastLatencyLoadBalancer(List.of(endpoints), new SplittableRandom(42));
    }

    @Test
    void leastLatencyPicksFasterOfTwoDistinctEndpoints() {
        // With two endpoints every draw is the pair itself, unless the two draws could coincide.
        measured(fast, Duration.ofMillis(10));
        measured(slow, Duration.ofMillis(100));

        assertThat(countPicks(balancer(fast, slow), 1_000)).containsEntry(fast, 1_000);
        assertThat(countPicks(balancer(slow, fast), 1_000)).containsEntry(fast, 1_000);
    }

    @Test
    void leastLatencySendsSlowEndpointFarFewerRequests() {
        Endpoint fast2 = measured(endpoint(3), Duration.ofMillis(12));
        Endpoint fast3 = measured(endpoint(4), Duration.ofMillis(15));
        LoadBalancer balancer = balancer(
                measured(fast, Duration.ofMillis(10)), fast2, fast3, measured(slow, Duration.ofMillis(200)));
        // Requests stay in flight for a while, so the fast endpoints' scores rise with load and
        // the slow one wins a comparison now and then, as in production.
        ArrayDeque<Endpoint> inFlight = new ArrayDeque<>();
        Map<Endpoint, Integer> counts = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            Endpoint picked = balancer.pick(PickContext.NONE);
            picked.requestStarted();
            inFlight.add(picked);
            counts.merge(picked, 1, Integer::sum);
            if (inFlight.size() > 40) {
                inFlight.remove().requestFinished();
            }
        }

        assertThat(counts.getOrDefault(slow, 0)).isLessThan(counts.get(fast) / 5);
        assertThat(counts.getOrDefault(slow, 0)).isLessThan(10_000 / 20);
    }

    @Test
    void leastLatencyProbesEndpointWithoutSamples() {
        Endpoint fresh = endpoint(3);
        LoadBalancer balancer = balancer(measured(fast, Duration.ofMillis(1)), fresh);

        assertThat(balancer.pick(PickContext.NONE)).isSameAs(fresh);
    }

    @Test
    void leastLatencyPenalisesRequestsInFlight() {
        Endpoint busy = measured(fast, Duration.ofMillis(10));
        Endpoint idle = measured(slow, Duration.ofMillis(25));
        busy.requestStarted();
        busy.requestStarted(); // 10 ms × 3 = 30 > 25 ms × 1

        assertThat(countPicks(balancer(busy, idle), 100)).containsEntry(idle, 100);
    }

    @Test
    void leastLatencySkipsEjectedEndpoint() {
        SwitchableHealth health = new SwitchableHealth();
        Endpoint fastButEjected = measured(endpoint(3, health), Duration.ofMillis(1));
        Endpoint medium = measured(endpoint(4), Duration.ofMillis(50));
        LoadBalancer balancer = balancer(fastButEjected, measured(slow, Duration.ofMillis(100)), medium);
        health.setAvailable(false);

        assertThat(countPicks(balancer, 1_000)).containsEntry(medium, 1_000).containsEntry(fastButEjected, 0);
    }

    @Test
    void leastLatencyReturnsOnlyAvailableEndpointWithoutComparing() {
        SwitchableHealth health = new SwitchableHealth();
        LoadBalancer balancer = balancer(endpoint(3, health), measured(slow, Duration.ofSeconds(5)));
        health.setAvailable(false);

        assertThat(balancer.pick(PickContext.NONE)).isSameAs(slow);
    }

    @Test
    void leastLatencyReturnsNullWhenNoEndpointIsAvailable() {
        SwitchableHealth health = new SwitchableHealth();
        LoadBalancer balancer = balancer(endpoint(3, health), endpoint(4, health));
        health.setAvailable(false);

        assertThat(balancer.pick(PickContext.NONE)).isNull();
    }

    @Test
    void leastLatencyOverEmptyPoolReturnsNull() {
        assertThat(new LeastLatencyLoadBalancer(List.of()).pick(PickContext.NONE)).isNull();
    }

    @Test
    void leastLatencyKeepsSlowEndpointOutUnderConcurrentPicks() throws Exception {
        Endpoint fast2 = measured(endpoint(3), Duration.ofMillis(10));
        LoadBalancer balancer = new LeastLatencyLoadBalancer(List.of(
                measured(fast, Duration.ofMillis(10)), fast2, measured(slow, Duration.ofMillis(100))));

        Map<Endpoint, Integer> counts = countPicksConcurrently(balancer, 4, 10_000);

        // Nothing is in flight, so the slow endpoint loses every comparison it is drawn into.
        assertThat(counts).containsEntry(slow, 0);
        assertThat(counts.get(fast) + counts.get(fast2)).isEqualTo(40_000);
        assertThat(counts.get(fast)).isBetween(16_000, 24_000);
    }
}
