package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.config.AiRouteConfig;
import dev.gatehouse.engine.config.BalancerConfig;
import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.FallbackConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.HealthCheckConfig;
import dev.gatehouse.engine.config.OutlierConfig;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.config.RouteConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Pure edits of a config's pools and their endpoints, like {@link RouteEdits}: a new config is
 * returned, the given one is untouched, and an edit that makes no sense throws
 * {@link IllegalArgumentException}. Renaming a pool renames it wherever routes name it.
 */
public final class PoolEdits {

    private PoolEdits() {
    }

    /** A new pool without endpoints, with the default balancer, health check and outlier detection. */
    public static GatewayConfig add(GatewayConfig config, String name) {
        requireFree(config, name);
        List<PoolConfig> pools = new ArrayList<>(config.pools());
        pools.add(new PoolConfig(name, null, List.of(), null, null));
        return config.withPools(pools);
    }

    /** Renames the pool and every reference to it: routes' pools and AI fallback steps. */
    public static GatewayConfig rename(GatewayConfig config, String name, String newName) {
        if (name.equals(newName)) {
            return config;
        }
        requireFree(config, newName);
        GatewayConfig renamed = update(config, name, p -> new PoolConfig(newName, p.balancer(), p.endpoints(),
                p.healthCheck(), p.outlier(), p.provider(), p.metricsInterval(), p.discovery()));
        List<RouteConfig> routes = new ArrayList<>();
        for (RouteConfig r : renamed.routes()) {
            String pool = name.equals(r.pool()) ? newName : r.pool();
            routes.add(new RouteConfig(r.name(), r.priority(), r.match(), pool, renameFallbacks(r.ai(), name, newName)));
        }
        return renamed.withRoutes(routes);
    }

    /** Removes the pool; routes still naming it are left for the validator to point at. */
    public static GatewayConfig delete(GatewayConfig config, String name) {
        List<PoolConfig> pools = new ArrayList<>(config.pools());
        pools.remove(indexOf(config, name));
        return config.withPools(pools);
    }

    public static GatewayConfig setBalancer(GatewayConfig config, String name, BalancerConfig balancer) {
        return update(config, name, p -> new PoolConfig(p.name(), balancer, p.endpoints(), p.healthCheck(),
                p.outlier(), p.provider(), p.metricsInterval(), p.discovery()));
    }

    public static GatewayConfig setHealthCheck(GatewayConfig config, String name, HealthCheckConfig check) {
        return update(config, name, p -> new PoolConfig(p.name(), p.balancer(), p.endpoints(), check,
                p.outlier(), p.provider(), p.metricsInterval(), p.discovery()));
    }

    /** Sets the passive outlier detection, which is the pool's circuit breaker. */
    public static GatewayConfig setOutlier(GatewayConfig config, String name, OutlierConfig outlier) {
        return update(config, name, p -> new PoolConfig(p.name(), p.balancer(), p.endpoints(), p.healthCheck(),
                outlier, p.provider(), p.metricsInterval(), p.discovery()));
    }

    public static GatewayConfig addEndpoint(GatewayConfig config, String pool, EndpointConfig endpoint) {
        return update(config, pool, p -> {
            List<EndpointConfig> endpoints = new ArrayList<>(p.endpoints());
            endpoints.add(endpoint);
            return p.withEndpoints(endpoints);
        });
    }

    public static GatewayConfig removeEndpoint(GatewayConfig config, String pool, String address) {
        return update(config, pool, p -> {
            List<EndpointConfig> endpoints = new ArrayList<>(p.endpoints());
            endpoints.remove(endpointIndex(p, address));
            return p.withEndpoints(endpoints);
        });
    }

    /** Moves an endpoint, with its weight and settings, to the end of another pool. */
    public static GatewayConfig moveEndpoint(GatewayConfig config, String from, String address, String to) {
        if (from.equals(to)) {
            return config;
        }
        EndpointConfig endpoint = endpoint(config, from, address);
        indexOf(config, to);
        return addEndpoint(removeEndpoint(config, from, address), to, endpoint);
    }

    public static GatewayConfig setWeight(GatewayConfig config, String pool, String address, int weight) {
        return updateEndpoint(config, pool, address, e ->
                new EndpointConfig(e.host(), e.port(), weight, e.metricsUrl(), e.tls(), e.caFile()));
    }

    /** Replaces the endpoint by what {@code change} makes of it, in place (its address may change). */
    public static GatewayConfig updateEndpoint(GatewayConfig config, String pool, String address,
                                               UnaryOperator<EndpointConfig> change) {
        return update(config, pool, p -> {
            List<EndpointConfig> endpoints = new ArrayList<>(p.endpoints());
            int i = endpointIndex(p, address);
            endpoints.set(i, change.apply(endpoints.get(i)));
            return p.withEndpoints(endpoints);
        });
    }

    /** Replaces the named pool by what {@code change} makes of it, in place. */
    public static GatewayConfig update(GatewayConfig config, String name, UnaryOperator<PoolConfig> change) {
        List<PoolConfig> pools = new ArrayList<>(config.pools());
        int i = indexOf(config, name);
        pools.set(i, change.apply(pools.get(i)));
        return config.withPools(pools);
    }

    /** {@code host:port} as a new endpoint with the default weight. */
    public static EndpointConfig parseAddress(String text) {
        String value = text == null ? "" : text.strip();
        int colon = value.lastIndexOf(':');
        try {
            if (colon > 0) {
                return EndpointConfig.of(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
            }
        } catch (NumberFormatException e) {
            // reported below with the whole text
        }
        throw new IllegalArgumentException("expected host:port, got \"" + value + "\"");
    }

    public static PoolConfig find(GatewayConfig config, String name) {
        return config.pools().get(indexOf(config, name));
    }

    public static EndpointConfig endpoint(GatewayConfig config, String pool, String address) {
        PoolConfig p = find(config, pool);
        return p.endpoints().get(endpointIndex(p, address));
    }

    static int indexOf(GatewayConfig config, String name) {
        return Names.indexOf(config.pools(), PoolConfig::name, name, "pool");
    }

    private static int endpointIndex(PoolConfig pool, String address) {
        for (int i = 0; i < pool.endpoints().size(); i++) {
            if (address.equals(pool.endpoints().get(i).address())) {
                return i;
            }
        }
        throw new IllegalArgumentException("no endpoint " + address + " in pool \"" + pool.name() + "\"");
    }

    private static AiRouteConfig renameFallbacks(AiRouteConfig ai, String name, String newName) {
        if (ai == null || ai.fallback().stream().noneMatch(f -> name.equals(f.pool()))) {
            return ai;
        }
        List<FallbackConfig> steps = ai.fallback().stream()
                .map(f -> name.equals(f.pool()) ? new FallbackConfig(newName, f.upstreamModel()) : f).toList();
        return new AiRouteConfig(ai.upstreamModel(), ai.requireKey(), steps, ai.retries(), ai.retryBackoff(),
                ai.firstTokenTimeout(), ai.totalTimeout(), ai.limits(), ai.cache(), ai.guard(), ai.template());
    }

    private static void requireFree(GatewayConfig config, String name) {
        Names.requireFree(config.pools(), PoolConfig::name, name, "pool");
    }
}
