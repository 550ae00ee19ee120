package dev.gatehouse.engine.server;

import dev.gatehouse.engine.ai.AiSnapshot;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.routing.RouteTable;
import dev.gatehouse.engine.upstream.UpstreamPool;

import java.util.Map;

/**
 * Everything one request needs, from one config version: the compiled route table and the
 * pools. Immutable; the engine swaps the whole snapshot on reload, and a request keeps the one
 * it started with to its end.
 */
public record EngineSnapshot(long version, GatewayConfig config, RouteTable routes, Map<String, UpstreamPool> pools,
                             AiSnapshot ai) {

    public EngineSnapshot {
        pools = Map.copyOf(pools);
    }

    public UpstreamPool pool(String name) {
        return pools.get(name);
    }
}
