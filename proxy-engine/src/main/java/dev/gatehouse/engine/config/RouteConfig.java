package dev.gatehouse.engine.config;

/**
 * A route: when {@link RouteMatch} matches a request, it goes to {@code pool}. Among matching
 * routes the highest {@code priority} wins; equal priorities keep file order. With {@code ai} set
 * it is an AI route (see {@link AiRouteConfig}).
 */
public record RouteConfig(String name, Integer priority, RouteMatch match, String pool, AiRouteConfig ai) {

    public RouteConfig {
        priority = priority == null ? 0 : priority;
        match = match == null ? RouteMatch.any() : match;
    }

    /** A plain proxy route. */
    public RouteConfig(String name, Integer priority, RouteMatch match, String pool) {
        this(name, priority, match, pool, null);
    }
}
