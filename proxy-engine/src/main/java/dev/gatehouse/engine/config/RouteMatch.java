package dev.gatehouse.engine.config;

import java.util.List;
import java.util.Map;

/**
 * What a request must look like for a route to take it. Every present condition must hold;
 * an empty list or map means "any". Header values are matched exactly, header names without case.
 * {@code models} match the {@code model} field of a JSON request body (AI routes).
 */
public record RouteMatch(
        List<String> hosts,
        PathMatch path,
        List<String> methods,
        Map<String, String> headers,
        List<String> models) {

    public RouteMatch {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        methods = methods == null ? List.of() : List.copyOf(methods);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        models = models == null ? List.of() : List.copyOf(models);
    }

    public static RouteMatch any() {
        return new RouteMatch(null, null, null, null, null);
    }
}
