package dev.gatehouse.engine.routing;

import dev.gatehouse.engine.config.PathMatch;
import dev.gatehouse.engine.config.RouteConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled, immutable route table: the first route by priority (then file order) whose
 * conditions all hold wins. Routes with an exact path are indexed by path so that large tables
 * do not cost a linear scan for the common case; every other route is scanned in order.
 */
public final class RouteTable {

    private static final Comparator<CompiledRoute> BY_PRECEDENCE =
            Comparator.comparingInt(CompiledRoute::priority).reversed().thenComparingInt(CompiledRoute::order);

    private final List<CompiledRoute> scanned;
    private final Map<String, List<CompiledRoute>> byExactPath;
    private final int size;

    private RouteTable(List<CompiledRoute> scanned, Map<String, List<CompiledRoute>> byExactPath, int size) {
        this.scanned = scanned;
        this.byExactPath = byExactPath;
        this.size = size;
    }

    /** Compiles {@code routes}; they must already be valid (regexes compile). */
    public static RouteTable compile(List<RouteConfig> routes) {
        List<CompiledRoute> scanned = new ArrayList<>();
        Map<String, List<CompiledRoute>> byExactPath = new HashMap<>();
        for (int i = 0; i < routes.size(); i++) {
            RouteConfig route = routes.get(i);
            CompiledRoute compiled = new CompiledRoute(route, i);
            var path = route.match().path();
            if (path != null && path.kind() == PathMatch.Kind.EXACT) {
                byExactPath.computeIfAbsent(path.value(), k -> new ArrayList<>()).add(compiled);
            } else {
                scanned.add(compiled);
            }
        }
        scanned.sort(BY_PRECEDENCE);
        Map<String, List<CompiledRoute>> frozen = new HashMap<>();
        byExactPath.forEach((path, list) -> {
            list.sort(BY_PRECEDENCE);
            frozen.put(path, List.copyOf(list));
        });
        return new RouteTable(List.copyOf(scanned), Map.copyOf(frozen), routes.size());
    }

    /** The winning route for {@code request}, or null when none matches. */
    public CompiledRoute match(RequestFacts request) {
        CompiledRoute exact = first(byExactPath.getOrDefault(request.path(), List.of()), request);
        CompiledRoute outranking = first(scanned, request, exact);
        return outranking != null ? outranking : exact;
    }

    /** Whether any route matches on the body's model (so the server knows to keep the body). */
    public boolean anyMatchesOnModel() {
        return scanned.stream().anyMatch(CompiledRoute::matchesOnModel)
                || byExactPath.values().stream().flatMap(List::stream).anyMatch(CompiledRoute::matchesOnModel);
    }

    public int size() {
        return size;
    }

    private static CompiledRoute first(List<CompiledRoute> routes, RequestFacts request) {
        return first(routes, request, null);
    }

    /** The first scanned match that outranks {@code best}; stops once no later route can. */
    private static CompiledRoute first(List<CompiledRoute> routes, RequestFacts request, CompiledRoute best) {
        for (CompiledRoute route : routes) {
            if (best != null && BY_PRECEDENCE.compare(route, best) > 0) {
                return null;
            }
            if (route.matches(request)) {
                return route;
            }
        }
        return null;
    }
}
