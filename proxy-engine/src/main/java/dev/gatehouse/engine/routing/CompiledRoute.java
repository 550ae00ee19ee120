package dev.gatehouse.engine.routing;

import dev.gatehouse.engine.config.PathMatch;
import dev.gatehouse.engine.config.RouteConfig;
import dev.gatehouse.engine.config.RouteMatch;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One route with its conditions prepared for matching: lower-cased hosts, upper-cased methods,
 * a compiled regex. Conditions are checked cheapest first; the body's model last.
 */
public final class CompiledRoute {

    private final RouteConfig config;
    private final int order;
    private final Set<String> hosts;
    private final PathMatch.Kind pathKind;
    private final String pathValue;
    private final Pattern pathRegex;
    private final Set<String> methods;
    private final List<Map.Entry<String, String>> headers;
    private final Set<String> models;

    CompiledRoute(RouteConfig config, int order) {
        this.config = config;
        this.order = order;
        RouteMatch match = config.match();
        this.hosts = match.hosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        PathMatch path = match.path();
        this.pathKind = path == null ? null : path.kind();
        this.pathValue = path == null ? null : path.value();
        this.pathRegex = pathKind == PathMatch.Kind.REGEX ? Pattern.compile(pathValue) : null;
        this.methods = match.methods().stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.headers = List.copyOf(match.headers().entrySet());
        this.models = Set.copyOf(match.models());
    }

    public RouteConfig config() { return config; }
    public String name() { return config.name(); }
    public String pool() { return config.pool(); }
    int priority() { return config.priority(); }
    int order() { return order; }

    /** Whether the route matches on the body's model (and so needs the body parsed). */
    public boolean matchesOnModel() {
        return !models.isEmpty();
    }

    boolean matches(RequestFacts request) {
        if (!methods.isEmpty() && !methods.contains(request.method())) {
            return false;
        }
        if (!hosts.isEmpty() && !hosts.contains(request.host())) {
            return false;
        }
        if (pathKind != null && !pathMatches(request.path())) {
            return false;
        }
        for (Map.Entry<String, String> header : headers) {
            if (!header.getValue().equals(request.header(header.getKey()))) {
                return false;
            }
        }
        return models.isEmpty() || models.contains(request.model());
    }

    private boolean pathMatches(String path) {
        return switch (pathKind) {
            case EXACT -> path.equals(pathValue);
            case PREFIX -> path.startsWith(pathValue);
            case REGEX -> pathRegex.matcher(path).matches();
        };
    }
}
