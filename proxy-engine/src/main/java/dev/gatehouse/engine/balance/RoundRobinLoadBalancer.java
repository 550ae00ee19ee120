package dev.gatehouse.engine.balance;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.engine.upstream.Endpoint;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Hands requests to the pool's endpoints in turn, passing over those not available. */
final class RoundRobinLoadBalancer implements LoadBalancer {

    private final List<Endpoint> endpoints;
    // A long never wraps in practice; an int would jump in the sequence at overflow whenever the
    // pool size does not divide 2^32.
    private final AtomicLong next = new AtomicLong();

    RoundRobinLoadBalancer(List<Endpoint> endpoints) {
        this.endpoints = List.copyOf(requireNonNull(endpoints, "endpoints"));
    }

    @Override
    public Endpoint pick(PickContext context) {
        int n = endpoints.size();
        for (int i = 0; i < n; i++) {
            // Each probe takes its own ticket, so the slot of a skipped endpoint goes to whoever
            // asks next instead of always to its neighbour: the rest keep equal shares.
            Endpoint candidate = endpoints.get((int) Math.floorMod(next.getAndIncrement(), (long) n));
            if (candidate.isAvailable()) {
                return candidate;
            }
        }
        return null;
    }

    @Override
    public List<Endpoint> endpoints() {
        return endpoints;
    }
}
