package dev.gatehouse.engine.balance;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.engine.upstream.Endpoint;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Power of two choices over latency: draws two distinct available endpoints at random and takes
 * the one with the lower score, {@code latency EWMA × (in flight + 1)}. Comparing two rather than
 * all avoids every event loop herding onto the same momentarily fastest endpoint. An endpoint
 * without latency samples yet wins its comparison, so new endpoints get probed.
 */
final class LeastLatencyLoadBalancer implements LoadBalancer {

    // ThreadLocalRandom.current() on every call, as its Javadoc asks: a stored instance would use
    // the seed of threads that never initialised it.
    private static final RandomGenerator THREAD_LOCAL = () -> ThreadLocalRandom.current().nextLong();

    private final List<Endpoint> endpoints;
    private final RandomGenerator random;

    LeastLatencyLoadBalancer(List<Endpoint> endpoints) {
        this(endpoints, THREAD_LOCAL);
    }

    /** Draws with {@code random}, which must be safe to call from every event loop at once. */
    LeastLatencyLoadBalancer(List<Endpoint> endpoints, RandomGenerator random) {
        this.endpoints = List.copyOf(requireNonNull(endpoints, "endpoints"));
        this.random = requireNonNull(random, "random");
    }

    @Override
    public Endpoint pick(PickContext context) {
        // A snapshot, so that availability changing under us cannot make a drawn index invalid.
        Endpoint[] available = new Endpoint[endpoints.size()];
        int count = 0;
        for (Endpoint endpoint : endpoints) {
            if (endpoint.isAvailable()) {
                available[count++] = endpoint;
            }
        }
        if (count == 0) {
            return null;
        }
        if (count == 1) {
            return available[0];
        }
        int first = random.nextInt(count);
        int second = random.nextInt(count - 1);
        if (second >= first) {
            second++; // skips first, keeping the two distinct and every pair equally likely
        }
        Endpoint a = available[first];
        Endpoint b = available[second];
        return score(b) < score(a) ? b : a;
    }

    /** Lower is better; endpoints never measured score 0 so that they are tried. */
    static double score(Endpoint endpoint) {
        double ewma = endpoint.latency().nanos();
        if (Double.isNaN(ewma)) {
            return 0;
        }
        return ewma * (endpoint.inFlight() + 1);
    }

    @Override
    public List<Endpoint> endpoints() {
        return endpoints;
    }
}
