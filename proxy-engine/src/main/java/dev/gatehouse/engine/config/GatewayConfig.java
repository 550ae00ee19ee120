package dev.gatehouse.engine.config;

import java.util.List;

/**
 * One complete, immutable gateway configuration: what the engine serves from one snapshot.
 * Lists are copied; absent sections become empty or defaults. Validation is separate
 * ({@link ConfigValidator}) so that every problem can be reported with the path of its field.
 */
public record GatewayConfig(
        List<ListenerConfig> listeners,
        List<RouteConfig> routes,
        List<PoolConfig> pools,
        LimitsConfig limits,
        List<ConsumerConfig> consumers) {

    public GatewayConfig {
        consumers = consumers == null ? List.of() : List.copyOf(consumers);
        listeners = listeners == null ? List.of() : List.copyOf(listeners);
        routes = routes == null ? List.of() : List.copyOf(routes);
        pools = pools == null ? List.of() : List.copyOf(pools);
        limits = limits == null ? LimitsConfig.defaults() : limits;
    }

    public GatewayConfig(List<ListenerConfig> listeners, List<RouteConfig> routes, List<PoolConfig> pools,
                         LimitsConfig limits) {
        this(listeners, routes, pools, limits, null);
    }

    public PoolConfig pool(String name) {
        for (PoolConfig pool : pools) {
            if (pool.name() != null && pool.name().equals(name)) {
                return pool;
            }
        }
        return null;
    }

    public GatewayConfig withListeners(List<ListenerConfig> newListeners) {
        return new GatewayConfig(newListeners, routes, pools, limits, consumers);
    }

    public GatewayConfig withRoutes(List<RouteConfig> newRoutes) {
        return new GatewayConfig(listeners, newRoutes, pools, limits, consumers);
    }

    public GatewayConfig withConsumers(List<ConsumerConfig> newConsumers) {
        return new GatewayConfig(listeners, routes, pools, limits, newConsumers);
    }

    public GatewayConfig withPools(List<PoolConfig> newPools) {
        return new GatewayConfig(listeners, routes, newPools, limits, consumers);
    }
}
