package dev.gatehouse.engine.config;

/**
 * A route: when {@link RouteMatch} matches a request, it goes to {@code pool}. Among matching
 * routes the highest {@code priority} wins; equal priorities keep file order.
 */
public record RouteConfig(String name, Integer priority, RouteMatch match, String pool) {

    public RouteConfig {
        priority = priority == null ? 0 : priority;
        match = match == null ? RouteMatch.any() : match;
    }
}
