package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.config.AiRouteConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.PathMatch;
import dev.gatehouse.engine.config.RouteConfig;
import dev.gatehouse.engine.config.RouteMatch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Pure edits of a config's routes: each returns a new {@link GatewayConfig} and leaves the given one
 * as it was, or throws {@link IllegalArgumentException} saying why the edit makes no sense. Whether
 * the result is a valid config is the validator's business, so that its message shows at the field.
 */
public final class RouteEdits {

    private RouteEdits() {
    }

    /** A new route at the end taking requests under {@code /name} to {@code pool}. */
    public static GatewayConfig add(GatewayConfig config, String name, String pool) {
        requireFree(config, name);
        RouteMatch match = new RouteMatch(null, PathMatch.prefix("/" + name), null, null, null);
        List<RouteConfig> routes = new ArrayList<>(config.routes());
        routes.add(new RouteConfig(name, 0, match, pool));
        return config.withRoutes(routes);
    }

    public static GatewayConfig rename(GatewayConfig config, String name, String newName) {
        if (name.equals(newName)) {
            return config;
        }
        requireFree(config, newName);
        return update(config, name, r -> new RouteConfig(newName, r.priority(), r.match(), r.pool(), r.ai()));
    }

    public static GatewayConfig delete(GatewayConfig config, String name) {
        List<RouteConfig> routes = new ArrayList<>(config.routes());
        routes.remove(indexOf(config, name));
        return config.withRoutes(routes);
    }

    /** Sends the route's requests to {@code pool}. */
    public static GatewayConfig attach(GatewayConfig config, String name, String pool) {
        return update(config, name, r -> new RouteConfig(r.name(), r.priority(), r.match(), pool, r.ai()));
    }

    /** Makes the route an AI route with {@code ai}, or a plain proxy route when {@code ai} is null. */
    public static GatewayConfig setAi(GatewayConfig config, String name, AiRouteConfig ai) {
        return update(config, name, r -> new RouteConfig(r.name(), r.priority(), r.match(), r.pool(), ai));
    }

    public static GatewayConfig setMatch(GatewayConfig config, String name, int priority, RouteMatch match) {
        return update(config, name, r -> new RouteConfig(r.name(), priority, match, r.pool(), r.ai()));
    }

    /** Replaces the named route by what {@code change} makes of it, in place. */
    public static GatewayConfig update(GatewayConfig config, String name, UnaryOperator<RouteConfig> change) {
        List<RouteConfig> routes = new ArrayList<>(config.routes());
        int i = indexOf(config, name);
        routes.set(i, change.apply(routes.get(i)));
        return config.withRoutes(routes);
    }

    public static RouteConfig find(GatewayConfig config, String name) {
        return config.routes().get(indexOf(config, name));
    }

    static int indexOf(GatewayConfig config, String name) {
        return Names.indexOf(config.routes(), RouteConfig::name, name, "route");
    }

    private static void requireFree(GatewayConfig config, String name) {
        Names.requireFree(config.routes(), RouteConfig::name, name, "route");
    }
}
