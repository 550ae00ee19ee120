package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.HealthCheckConfig;
import dev.gatehouse.engine.config.ListenerConfig;
import dev.gatehouse.engine.config.OutlierConfig;
import dev.gatehouse.engine.config.PathMatch;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.config.RouteConfig;
import dev.gatehouse.engine.config.RouteMatch;

import java.util.List;

/** Small configs for the editor's tests: two pools, two routes, checks off so no backend is needed. */
final class Configs {

    static final HealthCheckConfig NO_CHECKS = new HealthCheckConfig(false, null, null, null, null, null);
    static final OutlierConfig NO_OUTLIERS = new OutlierConfig(false, null, null, null, null, null);

    private Configs() {
    }

    /** Routes chat → qwen (10.0.0.1:8000, 10.0.0.2:8000) and embed → bge (10.0.0.3:8000). */
    static GatewayConfig twoPools() {
        return new GatewayConfig(List.of(new ListenerConfig("main", "127.0.0.1", 0)),
                List.of(route("chat", "qwen"), route("embed", "bge")),
                List.of(pool("qwen", EndpointConfig.of("10.0.0.1", 8000), EndpointConfig.of("10.0.0.2", 8000)),
                        pool("bge", EndpointConfig.of("10.0.0.3", 8000))),
                null);
    }

    static RouteConfig route(String name, String pool) {
        return new RouteConfig(name, 0, new RouteMatch(null, PathMatch.prefix("/" + name), null, null, null), pool);
    }

    static PoolConfig pool(String name, EndpointConfig... endpoints) {
        return new PoolConfig(name, null, List.of(endpoints), NO_CHECKS, NO_OUTLIERS);
    }
}
