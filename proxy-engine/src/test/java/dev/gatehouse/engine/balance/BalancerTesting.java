package dev.gatehouse.engine.balance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.health.EndpointHealth;
import dev.gatehouse.engine.upstream.Endpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Endpoints and pick loops shared by the balancer tests. */
final class BalancerTesting {

    static final String POOL = "pool";

    private BalancerTesting() {
    }

    /** An always-healthy endpoint of the default weight at {@code 10.0.0.<n>:8000}. */
    static Endpoint endpoint(int n) {
        return new Endpoint(POOL, EndpointConfig.of("10.0.0." + n, 8000), EndpointHealth.alwaysHealthy());
    }

    static Endpoint endpoint(int n, int weight) {
        return endpoint(n, weight, EndpointHealth.alwaysHealthy());
    }

    static Endpoint endpoint(int n, int weight, EndpointHealth health) {
        return new Endpoint(POOL, new EndpointConfig("10.0.0." + n, 8000, weight, null), health);
    }

    static Endpoint endpoint(int n, EndpointHealth health) {
        return endpoint(n, EndpointConfig.DEFAULT_WEIGHT, health);
    }

    /** Picks {@code picks} times and counts per endpoint, in pool order, zeros included. */
    static Map<Endpoint, Integer> countPicks(LoadBalancer balancer, int picks) {
        Map<Endpoint, Integer> counts = zeroCounts(balancer);
        for (int i = 0; i < picks; i++) {
            Endpoint picked = balancer.pick(PickContext.NONE);
            assertThat(picked).as("pick %d", i).isNotNull();
            counts.merge(picked, 1, Integer::sum);
        }
        return counts;
    }

    /** Picks from {@code threads} threads at once, {@code picksPerThread} each, and counts per endpoint. */
    static Map<Endpoint, Integer> countPicksConcurrently(LoadBalancer balancer, int threads, int picksPerThread)
            throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Map<Endpoint, Integer>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> countPicks(balancer, picksPerThread)));
            }
            Map<Endpoint, Integer> total = zeroCounts(balancer);
            for (Future<Map<Endpoint, Integer>> future : futures) {
                future.get().forEach((endpoint, count) -> total.merge(endpoint, count, Integer::sum));
            }
            return total;
        } finally {
            executor.shutdownNow();
        }
    }

    private static Map<Endpoint, Integer> zeroCounts(LoadBalancer balancer) {
        Map<Endpoint, Integer> counts = new LinkedHashMap<>();
        balancer.endpoints().forEach(endpoint -> counts.put(endpoint, 0));
        return counts;
    }
}
