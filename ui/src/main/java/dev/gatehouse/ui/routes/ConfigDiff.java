package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.config.RouteConfig;
import dev.gatehouse.ui.routes.DiffLine.Change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What Apply would change: the running config against the draft as readable lines, routes first,
 * then pools with their endpoints, then listeners, limits and consumers. Items are matched by name
 * (endpoints by address within their pool), so a renamed item reads as one removed and one added.
 */
public final class ConfigDiff {

    private ConfigDiff() {
    }

    public static List<DiffLine> between(GatewayConfig running, GatewayConfig draft) {
        List<DiffLine> lines = new ArrayList<>();
        Map<String, RouteConfig> oldRoutes = byName(running.routes(), RouteConfig::name);
        Map<String, RouteConfig> newRoutes = byName(draft.routes(), RouteConfig::name);
        compare(oldRoutes, newRoutes, "route ", ConfigDiff::describe, lines);
        List<String> commonOld = oldRoutes.keySet().stream().filter(newRoutes::containsKey).toList();
        List<String> commonNew = newRoutes.keySet().stream().filter(oldRoutes::containsKey).toList();
        if (!commonOld.equals(commonNew)) {
            // Order decides between routes of equal priority, so a reordering changes behaviour.
            lines.add(new DiffLine(Change.CHANGED, "routes", "order: " + String.join(", ", commonOld)
                    + " → " + String.join(", ", commonNew)));
        }
        Map<String, PoolConfig> oldPools = byName(running.pools(), PoolConfig::name);
        Map<String, PoolConfig> newPools = byName(draft.pools(), PoolConfig::name);
        compare(oldPools, newPools, "pool ", ConfigDiff::describe, lines);
        for (String pool : union(oldPools.keySet(), newPools.keySet())) {
            List<EndpointConfig> before = oldPools.containsKey(pool) ? oldPools.get(pool).endpoints() : List.of();
            List<EndpointConfig> after = newPools.containsKey(pool) ? newPools.get(pool).endpoints() : List.of();
            if (newPools.containsKey(pool)) {
                compare(byName(before, EndpointConfig::address), byName(after, EndpointConfig::address),
                        "endpoint ", e -> "weight " + e.weight(), lines, " in pool " + pool);
            }
        }
        fieldChanges("config", rest(running), rest(draft), lines);
        return lines;
    }

    private static <T> void compare(Map<String, T> before, Map<String, T> after, String kind,
                                    Function<T, String> describe, List<DiffLine> lines) {
        compare(before, after, kind, describe, lines, "");
    }

    private static <T> void compare(Map<String, T> before, Map<String, T> after, String kind,
                                    Function<T, String> describe, List<DiffLine> lines, String suffix) {
        for (String name : union(before.keySet(), after.keySet())) {
            T old = before.get(name);
            T now = after.get(name);
            String item = kind + name + suffix;
            if (old == null) {
                lines.add(new DiffLine(Change.ADDED, item, describe.apply(now)));
            } else if (now == null) {
                lines.add(new DiffLine(Change.REMOVED, item, describe.apply(old)));
            } else if (!old.equals(now)) {
                fieldChanges(item, withoutEndpoints(old), withoutEndpoints(now), lines);
            }
        }
    }

    private static void fieldChanges(String item, Object before, Object after, List<DiffLine> lines) {
        Map<String, String> old = ConfigFields.flatten(before);
        Map<String, String> now = ConfigFields.flatten(after);
        for (String field : union(old.keySet(), now.keySet())) {
            String a = old.getOrDefault(field, "(none)");
            String b = now.getOrDefault(field, "(none)");
            if (!Objects.equals(a, b)) {
                lines.add(new DiffLine(Change.CHANGED, item, field + ": " + a + " → " + b));
            }
        }
    }

    /** Endpoints are diffed one by one, so a pool's own fields are compared without them. */
    private static Object withoutEndpoints(Object item) {
        return item instanceof PoolConfig pool ? pool.withEndpoints(List.of()) : item;
    }

    private static GatewayConfig rest(GatewayConfig config) {
        return new GatewayConfig(config.listeners(), List.of(), List.of(), config.limits(), config.consumers());
    }

    private static String describe(RouteConfig route) {
        return "pool " + route.pool() + (route.ai() == null ? "" : ", AI route");
    }

    private static String describe(PoolConfig pool) {
        return pool.endpoints().size() + (pool.endpoints().size() == 1 ? " endpoint, " : " endpoints, ")
                + pool.balancer().strategy();
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.putIfAbsent(String.valueOf(name.apply(item)), item));
        return map;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
