package dev.gatehouse.engine.balance;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.engine.upstream.Endpoint;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends each request to the available endpoint with the fewest requests in flight, or, weighted,
 * the fewest in flight per unit of weight. Ties go to the heavier endpoint, and endpoints equal in
 * both take turns, so an idle pool is shared round robin.
 */
final class LeastConnectionsLoadBalancer implements LoadBalancer {

    private final List<Endpoint> endpoints;
    private final boolean weighted;
    private final AtomicLong rotation = new AtomicLong();

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
        // Read each endpoint's counts once: they change under us, and the second pass must see
        // the same numbers as the first.
        long[] inFlight = new long[n];
        long[] weight = new long[n];
        int best = -1;
        int ties = 0;
        for (int i = 0; i < n; i++) {
            Endpoint candidate = endpoints.get(i);
            if (!candidate.isAvailable()) {
                continue; // weight[i] stays 0, which marks it for the second pass
            }
            inFlight[i] = candidate.inFlight();
            weight[i] = Math.max(1, candidate.effectiveWeight());
            int order = best < 0 ? -1 : compare(inFlight[i], weight[i], inFlight[best], weight[best]);
            if (order < 0) {
                best = i;
                ties = 1;
            } else if (order == 0) {
                ties++;
            }
        }
        if (best < 0) {
            return null;
        }
        // Rotating over the tied endpoints themselves, not over pool positions: a rotating start
        // position would hand an ejected endpoint's turn to its neighbour, doubling its share.
        int turn = (int) Math.floorMod(rotation.getAndIncrement(), (long) ties);
        // Ties all sit at or after best: an earlier equal one would have become best itself.
        for (int i = best; i < n; i++) {
            if (weight[i] > 0 && compare(inFlight[i], weight[i], inFlight[best], weight[best]) == 0
                    && turn-- == 0) {
                return endpoints.get(i);
            }
        }
        throw new AssertionError("fewer than " + ties + " tied endpoints");
    }

    /** Negative when the first endpoint is the better choice: less loaded, or as loaded and heavier. */
    private int compare(long inFlight, long weight, long otherInFlight, long otherWeight) {
        // Cross-multiplied so that 1/3 and 2/6 compare equal and fall through to the tie-break;
        // counts and weights are ints, so the products fit in a long.
        int load = weighted
                ? Long.compare(inFlight * otherWeight, otherInFlight * weight)
                : Long.compare(inFlight, otherInFlight);
        return load != 0 ? load : Long.compare(otherWeight, weight);
    }

    @Override
    public List<Endpoint> endpoints() {
        return endpoints;
    }
}
