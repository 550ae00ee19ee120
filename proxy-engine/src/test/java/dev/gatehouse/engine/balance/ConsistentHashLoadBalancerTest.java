package dev.gatehouse.engine.balance;

import static dev.gatehouse.engine.balance.BalancerTesting.countPicks;
import static dev.gatehouse.engine.balance.BalancerTesting.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.upstream.Endpoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ConsistentHashLoadBalancerTest {

    private static final int KEYS = 10_000;

    private static List<Endpoint> endpoints(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(BalancerTesting::endpoint).toList();
    }

    private static String key(int i) {
        return "user-" + i;
    }

    /** Which endpoint each of the test keys lands on. */
    private static List<Endpoint> assignments(LoadBalancer balancer) {
        return IntStream.range(0, KEYS).mapToObj(i -> balancer.pick(PickContext.hashedOn(key(i)))).toList();
    }

    private static Map<Endpoint, Integer> keysPerEndpoint(List<Endpoint> assignments) {
        Map<Endpoint, Integer> counts = new HashMap<>();
        assignments.forEach(endpoint -> counts.merge(endpoint, 1, Integer::sum));
        return counts;
    }

    @Test
    void consistentHashSendsSameKeyToSameEndpoint() {
        List<Endpoint> pool = endpoints(10);
        LoadBalancer balancer = new ConsistentHashLoadBalancer(pool);
        LoadBalancer rebuilt = new ConsistentHashLoadBalancer(pool.reversed());

        assertThat(assignments(balancer)).isEqualTo(assignments(balancer)).isEqualTo(assignments(rebuilt));
    }

    @Test
    void consistentHashMovesOnlyTheRemovedEndpointsKeys() {
        List<Endpoint> pool = endpoints(10);
        Endpoint removed = pool.get(3);
        List<Endpoint> before = assignments(new ConsistentHashLoadBalancer(pool));
        List<Endpoint> remaining = pool.stream().filter(e -> e != removed).toList();

        List<Endpoint> after = assignments(new ConsistentHashLoadBalancer(remaining));

        for (int i = 0; i < KEYS; i++) {
            if (before.get(i) != removed) {
                assertThat(after.get(i)).as(key(i)).isSameAs(before.get(i));
            }
        }
        assertThat(after).doesNotContain(removed);
    }

    @Test
    void consistentHashMovesAboutAnEleventhOfKeysWhenAnEndpointIsAdded() {
        List<Endpoint> pool = endpoints(11);
        List<Endpoint> before = assignments(new ConsistentHashLoadBalancer(pool.subList(0, 10)));

        List<Endpoint> after = assignments(new ConsistentHashLoadBalancer(pool));

        long moved = IntStream.range(0, KEYS).filter(i -> before.get(i) != after.get(i)).count();
        assertThat(moved).isGreaterThan(KEYS / 20).isLessThan(KEYS * 15 / 100);
        // Every key that moved moved to the newcomer, none between old endpoints.
        IntStream.range(0, KEYS).filter(i -> before.get(i) != after.get(i))
                .forEach(i -> assertThat(after.get(i)).isSameAs(pool.get(10)));
    }

    @Test
    void consistentHashSpreadsKeysEvenlyOverEqualEndpoints() {
        Map<Endpoint, Integer> counts = keysPerEndpoint(assignments(new ConsistentHashLoadBalancer(endpoints(10))));

        assertThat(counts).hasSize(10);
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(750, 1_250));
    }

    @Test
    void consistentHashGivesHeavierEndpointProportionallyMoreKeys() {
        Endpoint heavy = endpoint(1, 300);
        Endpoint light = endpoint(2, 100);
        LoadBalancer balancer = new ConsistentHashLoadBalancer(List.of(heavy, light));

        Map<Endpoint, Integer> counts = keysPerEndpoint(assignments(balancer));

        assertThat(counts.get(heavy)).isBetween(KEYS * 65 / 100, KEYS * 85 / 100);
    }

    @Test
    void consistentHashMovesEjectedEndpointsKeysAwayAndBack() {
        SwitchableHealth health = new SwitchableHealth();
        List<Endpoint> pool = new ArrayList<>(endpoints(9));
        Endpoint flaky = endpoint(10, health);
        pool.add(flaky);
        LoadBalancer balancer = new ConsistentHashLoadBalancer(pool);
        List<Endpoint> healthy = assignments(balancer);

        health.setAvailable(false);
        List<Endpoint> ejected = assignments(balancer);
        health.setAvailable(true);
        List<Endpoint> recovered = assignments(balancer);

        assertThat(ejected).doesNotContain(flaky);
        // Its keys spread over several endpoints rather than piling onto one neighbour.
        assertThat(IntStream.range(0, KEYS).filter(i -> healthy.get(i) == flaky).mapToObj(ejected::get).distinct())
                .hasSizeGreaterThan(3);
        IntStream.range(0, KEYS).filter(i -> healthy.get(i) != flaky)
                .forEach(i -> assertThat(ejected.get(i)).as(key(i)).isSameAs(healthy.get(i)));
        assertThat(recovered).isEqualTo(healthy);
    }

    @Test
    void consistentHashFallsBackToRoundRobinWithoutKey() {
        List<Endpoint> pool = endpoints(4);

        assertThat(countPicks(new ConsistentHashLoadBalancer(pool), 400).values()).containsOnly(100);
    }

    @Test
    void consistentHashReturnsNullWhenNoEndpointIsAvailable() {
        SwitchableHealth health = new SwitchableHealth();
        LoadBalancer balancer = new ConsistentHashLoadBalancer(List.of(endpoint(1, health), endpoint(2, health)));
        health.setAvailable(false);

        assertThat(balancer.pick(PickContext.hashedOn("user-1"))).isNull();
        assertThat(balancer.pick(PickContext.NONE)).isNull();
    }

    @Test
    void consistentHashOverEmptyPoolReturnsNull() {
        LoadBalancer balancer = new ConsistentHashLoadBalancer(List.of());

        assertThat(balancer.pick(PickContext.hashedOn("user-1"))).isNull();
        assertThat(balancer.pick(PickContext.NONE)).isNull();
    }

    @Test
    void consistentHashAgreesWithItselfUnderConcurrentPicks() throws Exception {
        LoadBalancer balancer = new ConsistentHashLoadBalancer(endpoints(10));
        List<Endpoint> expected = assignments(balancer);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Endpoint>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(executor.submit(() -> assignments(balancer)));
            }
            for (Future<List<Endpoint>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
