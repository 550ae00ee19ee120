package dev.gatehouse.engine.config;

import static dev.gatehouse.engine.config.Findings.quote;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a {@link GatewayConfig} for everything that would make the engine misbehave, and
 * reports all problems at once, each with the path of its field.
 *
 * <p>An empty listener list is valid: the engine then listens on
 * {@value ListenerConfig#DEFAULT_HOST}:{@value ListenerConfig#DEFAULT_PORT}. A pool without
 * endpoints is valid too: its routes answer 503 until endpoints are added. Port 0 on a listener
 * means "any free port" (tests use it). HTTP methods are accepted in any case, only their
 * characters are checked, so the router has to compare them without case.
 */
public final class ConfigValidator {

    static final long MAX_BODY_BYTES = 1L << 30;

    private ConfigValidator() {
    }

    /** Every problem in {@code config}; empty when it is usable. */
    public static List<ConfigError> validate(GatewayConfig config) {
        Findings findings = new Findings();
        listeners(config.listeners(), findings);
        routes(config, findings);
        PoolRules.check(config.pools(), findings);
        limits(config.limits(), findings);
        AiRules.check(config, findings);
        return findings.errors();
    }

    /** Returns {@code config} if it is usable, else throws with every problem in it. */
    public static GatewayConfig requireValid(GatewayConfig config) throws ConfigException {
        List<ConfigError> errors = validate(config);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return config;
    }

    private static void listeners(List<ListenerConfig> listeners, Findings findings) {
        Map<String, String> names = new HashMap<>();
        Map<String, String> addresses = new HashMap<>();
        for (int i = 0; i < listeners.size(); i++) {
            ListenerConfig listener = listeners.get(i);
            String at = "listeners[" + i + "]";
            if (findings.text(at + ".name", listener.name())) {
                String first = names.putIfAbsent(listener.name(), at);
                if (first != null) {
                    findings.add(at + ".name", "duplicate listener name " + quote(listener.name()) + ", same as " + first);
                }
            }
            boolean hostOk = findings.text(at + ".host", listener.host());
            findings.between(at + ".port", listener.port(), 0, 65535);
            // Several listeners may each ask for an ephemeral port (0) on the same host.
            if (hostOk && listener.port() != 0) {
                String address = listener.host() + ":" + listener.port();
                String first = addresses.putIfAbsent(address, at);
                if (first != null) {
                    findings.add(at, "duplicate address " + address + ", same as " + first);
                }
            }
        }
    }

    private static void routes(GatewayConfig config, Findings findings) {
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < config.routes().size(); i++) {
            RouteConfig route = config.routes().get(i);
            String at = "routes[" + i + "]";
            if (findings.text(at + ".name", route.name())) {
                String first = names.putIfAbsent(route.name(), at);
                if (first != null) {
                    findings.add(at + ".name", "duplicate route name " + quote(route.name()) + ", same as " + first);
                }
            }
            if (findings.text(at + ".pool", route.pool()) && config.pool(route.pool()) == null) {
                findings.add(at + ".pool", "no pool named " + quote(route.pool()));
            }
            match(at + ".match", route.match(), findings);
        }
    }

    private static void match(String at, RouteMatch match, Findings findings) {
        for (int j = 0; j < match.hosts().size(); j++) {
            findings.text(at + ".hosts[" + j + "]", match.hosts().get(j));
        }
        if (match.path() != null) {
            path(at + ".path", match.path(), findings);
        }
        for (int j = 0; j < match.methods().size(); j++) {
            String method = match.methods().get(j);
            if (!Findings.isToken(method)) {
                findings.add(at + ".methods[" + j + "]", quote(method) + " is not a valid HTTP method");
            }
        }
        // Sorted so that several bad names are reported in a stable order.
        match.headers().keySet().stream().sorted().filter(name -> !Findings.isToken(name)).forEach(name ->
                findings.add(at + ".headers", quote(name) + " is not a valid header name"));
        for (int j = 0; j < match.models().size(); j++) {
            findings.text(at + ".models[" + j + "]", match.models().get(j));
        }
    }

    private static void path(String at, PathMatch path, Findings findings) {
        if (path.kind() == null) {
            findings.add(at + ".kind", "required");
        }
        if (path.value() == null || path.value().isEmpty()) {
            findings.add(at + ".value", "required");
            return;
        }
        if (path.kind() == PathMatch.Kind.REGEX) {
            try {
                Pattern.compile(path.value());
            } catch (PatternSyntaxException e) {
                findings.add(at + ".value", "invalid regular expression: " + e.getDescription()
                        + " at index " + e.getIndex());
            }
        } else if (path.kind() != null) {
            findings.startsWithSlash(at + ".value", path.value());
        }
    }

    private static void limits(LimitsConfig limits, Findings findings) {
        if (limits.maxBodyBytes() < 1 || limits.maxBodyBytes() > MAX_BODY_BYTES) {
            findings.add("limits.maxBodyBytes",
                    "must be between 1 and " + MAX_BODY_BYTES + " (1 GiB), got " + limits.maxBodyBytes());
        }
        findings.atLeast("limits.maxHeaderBytes", limits.maxHeaderBytes(), 1024);
        findings.atLeast("limits.maxInitialLineBytes", limits.maxInitialLineBytes(), 1);
        findings.positive("limits.headerReadTimeout", limits.headerReadTimeout());
        findings.positive("limits.upstreamTimeout", limits.upstreamTimeout());
        findings.positive("limits.connectTimeout", limits.connectTimeout());
        findings.positive("limits.clientIdleTimeout", limits.clientIdleTimeout());
        findings.positive("limits.upstreamIdleTimeout", limits.upstreamIdleTimeout());
        findings.positive("limits.drainTimeout", limits.drainTimeout());
    }
}
