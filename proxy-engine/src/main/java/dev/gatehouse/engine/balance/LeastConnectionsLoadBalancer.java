package dev.gatehouse.engine.balance;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.engine.upstream.Endpoint;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends each request to the available endpoint with the fewest requests in flight, or, weighted,
 * the fewest in flight per unit of weight. Ties go to the heavier endpoint, and among endpoints
 * equal in both the scan starts at a rotating offset, so an idle pool is shared round robin.
 */
final class LeastConnectionsLoadBalancer implements LoadBalancer {

    private final List<Endpoint> endpoints;
    private final boolean weighted;
    private final AtomicLong offset = new AtomicLong();

    private LeastConnectionsLoadBalancer(List<Endpoint> endpoints, boolean weighted) {
        this.endpoints = List.copyOf(requireNonNull(endpoints, "endpoints"));
        this.weighted = weighted;
    }

    /** Compares raw in-flight counts; weight only breaks ties. */
    static LeastConnectionsLoadBalancer unweighted(List<Endpoint> endpoints) {
        return new LeastConnectionsLoadBalancer(endpoints, false);
    }

    /** Compares in-flight counts divided by effective weight; equals the unweighted rule for equal weights. */
    static LeastConnectionsLoadBalancer weighted(List<Endpoint> endpoints) {
        return new LeastConnectionsLoadBalancer(endpoints, true);
    }

    @Override
    public Endpoint pick(PickContext context) {
        int n = endpoints.size();
        if (n == 0) {
            return null;
        }
        int start = (int) Math.floorMod(offset.getAndIncrement(), (long) n);
        Endpoint best = null;
        long bestInFlight = 0;
        long bestWeight = 0;
        for (int i = 0; i < n; i++) {
            Endpoint candidate = endpoints.get((start + i) % n);
            if (!candidate.isAvailable()) {
                continue;
            }
            long inFlight = candidate.inFlight();
            long weight = Math.max(1, candidate.effectiveWeight());
            if (best == null || isBetter(inFlight, weight, bestInFlight, bestWeight)) {
                best = candidate;
                bestInFlight = inFlight;
                bestWeight = weight;
            }
        }
        return best;
    }

    private boolean isBetter(long inFlight, long weight, long bestInFlight, long bestWeight) {
        // Cross-multiplied so that 1/3 and 2/6 compare equal and fall through to the tie-break;
        // counts and weights are ints, so the products fit in a long.
        int load = weighted
                ? Long.compare(inFlight * bestWeight, bestInFlight * weight)
                : Long.compare(inFlight, bestInFlight);
        return load < 0 || load == 0 && weight > bestWeight;
    }

    @Override
    public List<Endpoint> endpoints() {
        return endpoints;
    }
}
