package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.admin.EndpointStatus;
import dev.gatehouse.engine.admin.PoolHealth;
import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.config.RouteConfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the topology graph draws: the draft's routes, each pointing at a pool, and the pools with
 * their endpoints, each endpoint with its health in the running engine, weight and live QPS.
 * Built from the draft so that edits show at once; health comes from the last poll.
 */
public record Topology(List<RouteNode> routes, List<PoolNode> pools) {

    /** A route and the pool it sends requests to (which may not exist: then the route is broken). */
    public record RouteNode(String name, String pool, boolean ai) {
    }

    /** A pool and its endpoints in config order. */
    public record PoolNode(String name, String strategy, List<EndpointNode> endpoints) {
        public PoolNode {
            endpoints = List.copyOf(endpoints);
        }
    }

    /**
     * An endpoint: {@code weight} as in the draft, {@code effectiveWeight} as the engine balances
     * now (0 when it takes no traffic), requests in flight and requests per second.
     */
    public record EndpointNode(String pool, String address, int weight, int effectiveWeight,
                               EndpointHealth health, int inFlight, double qps) {
        public EndpointNode {
            requireNonNull(health, "health");
        }

        public ItemRef ref() {
            return ItemRef.endpoint(pool, address);
        }
    }

    public static final Topology EMPTY = new Topology(List.of(), List.of());

    public Topology {
        routes = List.copyOf(routes);
        pools = List.copyOf(pools);
    }

    /** Lays {@code health} (from the engine) and {@code qps} (by {@code host:port}) over the draft. */
    public static Topology of(GatewayConfig draft, List<PoolHealth> health, Map<String, Double> qps) {
        Map<String, EndpointStatus> statuses = new HashMap<>();
        for (PoolHealth pool : health) {
            for (EndpointStatus status : pool.endpoints()) {
                statuses.put(pool.pool() + "/" + status.address(), status);
            }
        }
        List<RouteNode> routes = new ArrayList<>(draft.routes().size());
        for (RouteConfig route : draft.routes()) {
            routes.add(new RouteNode(String.valueOf(route.name()), String.valueOf(route.pool()), route.ai() != null));
        }
        List<PoolNode> pools = new ArrayList<>(draft.pools().size());
        for (PoolConfig pool : draft.pools()) {
            List<EndpointNode> endpoints = new ArrayList<>(pool.endpoints().size());
            for (EndpointConfig endpoint : pool.endpoints()) {
                EndpointStatus status = statuses.get(pool.name() + "/" + endpoint.address());
                EndpointHealth state = status == null ? EndpointHealth.NOT_RUNNING
                        : EndpointHealth.of(status.state());
                endpoints.add(new EndpointNode(pool.name(), endpoint.address(), endpoint.weight(),
                        status == null ? 0 : status.effectiveWeight(), state,
                        status == null ? 0 : status.inFlight(), qps.getOrDefault(endpoint.address(), 0.0)));
            }
            pools.add(new PoolNode(String.valueOf(pool.name()), pool.balancer().strategy().name(), endpoints));
        }
        return new Topology(routes, pools);
    }

    public Optional<EndpointNode> endpoint(ItemRef ref) {
        return pools.stream().flatMap(p -> p.endpoints().stream()).filter(e -> e.ref().equals(ref)).findFirst();
    }
}
