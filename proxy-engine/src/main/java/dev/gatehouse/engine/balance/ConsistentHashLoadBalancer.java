package dev.gatehouse.engine.balance;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.engine.upstream.Endpoint;

import java.util.List;

/**
 * Sends every request with the same {@link PickContext#hashKey() hash key} to the same endpoint
 * (session affinity, KV-cache reuse) while that endpoint is available; its keys spread over the
 * others while it is not and return when it is back. Requests without a key go round robin.
 */
final class ConsistentHashLoadBalancer implements LoadBalancer {

    private final List<Endpoint> endpoints;
    private final HashRing ring;
    private final RoundRobinLoadBalancer unkeyed;

    ConsistentHashLoadBalancer(List<Endpoint> endpoints) {
        this.endpoints = List.copyOf(requireNonNull(endpoints, "endpoints"));
        // Built once per endpoint list; configured weights only, since folding in the ramp-up
        // share would move keys every time a share changes.
        this.ring = new HashRing(this.endpoints);
        this.unkeyed = new RoundRobinLoadBalancer(this.endpoints);
    }

    @Override
    public Endpoint pick(PickContext context) {
        String key = context == null ? null : context.hashKey();
        if (key == null) {
            return unkeyed.pick(context);
        }
        return ring.lookup(Hash64.hash(key));
    }

    @Override
    public List<Endpoint> endpoints() {
        return endpoints;
    }
}
