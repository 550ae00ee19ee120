package dev.gatehouse.engine.config;

import static dev.gatehouse.engine.config.Findings.quote;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The part of {@link ConfigValidator} about pools: names, endpoints, balancer, health, outliers. */
final class PoolRules {

    private static final Pattern POOL_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Duration MIN_HEALTH_INTERVAL = Duration.ofMillis(100);
    private static final Duration MIN_METRICS_INTERVAL = Duration.ofMillis(100);
    private static final Duration MAX_METRICS_INTERVAL = Duration.ofHours(1);
    private static final Duration MIN_OUTLIER_WINDOW = Duration.ofSeconds(1);
    static final int MAX_WEIGHT = 10_000;

    private PoolRules() {
    }

    static void check(List<PoolConfig> pools, Findings findings) {
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < pools.size(); i++) {
            PoolConfig pool = pools.get(i);
            String at = "pools[" + i + "]";
            if (findings.text(at + ".name", pool.name())) {
                if (!POOL_NAME.matcher(pool.name()).matches()) {
                    findings.add(at + ".name", quote(pool.name())
                            + " may contain only letters, digits, \".\", \"_\" and \"-\"");
                }
                String first = names.putIfAbsent(pool.name(), at);
                if (first != null) {
                    findings.add(at + ".name", "duplicate pool name " + quote(pool.name()) + ", same as " + first);
                }
            }
            balancer(at + ".balancer", pool.balancer(), findings);
            endpoints(at, pool.endpoints(), findings);
            healthCheck(at + ".healthCheck", pool.healthCheck(), findings);
            outlier(at + ".outlier", pool.outlier(), findings);
            DiscoveryRules.check(at + ".discovery", pool.discovery(), findings);
            findings.atLeast(at + ".metricsInterval", pool.metricsInterval(), MIN_METRICS_INTERVAL);
            if (pool.metricsInterval().compareTo(MAX_METRICS_INTERVAL) > 0) {
                findings.add(at + ".metricsInterval", "must be at most "
                        + DurationText.format(MAX_METRICS_INTERVAL) + ", got " + DurationText.format(pool.metricsInterval()));
            }
        }
    }

    private static void balancer(String at, BalancerConfig balancer, Findings findings) {
        if (balancer.strategy() != BalancerConfig.Strategy.CONSISTENT_HASH) {
            return;
        }
        String hashOn = balancer.hashOn();
        boolean valid = hashOn.equals("client_ip") || hashOn.equals("consumer")
                || (hashOn.startsWith("header:") && Findings.isToken(hashOn.substring("header:".length())));
        if (!valid) {
            findings.add(at + ".hashOn", "must be \"client_ip\", \"consumer\" or \"header:NAME\", got " + quote(hashOn));
        }
    }

    private static void endpoints(String poolAt, List<EndpointConfig> endpoints, Findings findings) {
        Map<String, String> addresses = new HashMap<>();
        for (int j = 0; j < endpoints.size(); j++) {
            EndpointConfig endpoint = endpoints.get(j);
            String at = poolAt + ".endpoints[" + j + "]";
            boolean hostOk = findings.text(at + ".host", endpoint.host());
            findings.between(at + ".port", endpoint.port(), 1, 65535);
            findings.between(at + ".weight", endpoint.weight(), 1, MAX_WEIGHT);
            if (endpoint.caFile() != null && !endpoint.tls()) {
                findings.add(at + ".caFile", "only used with \"tls\": true");
            } else if (endpoint.caFile() != null && !java.nio.file.Files.isReadable(java.nio.file.Path.of(endpoint.caFile()))) {
                findings.add(at + ".caFile", "cannot read " + quote(endpoint.caFile()));
            }
            if (endpoint.metricsUrl() != null && !isHttpUrl(endpoint.metricsUrl())) {
                findings.add(at + ".metricsUrl", "must be an absolute http or https URL, got " + quote(endpoint.metricsUrl()));
            }
            if (hostOk && endpoint.port() != null) {
                String first = addresses.putIfAbsent(endpoint.address(), at);
                if (first != null) {
                    findings.add(at, "duplicate address " + endpoint.address() + ", same as " + first);
                }
            }
        }
    }

    /** An absolute http or https URL with a host (scheme in any case): what metrics and discovery URLs must be. */
    static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return uri.isAbsolute() && uri.getHost() != null
                    && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void healthCheck(String at, HealthCheckConfig check, Findings findings) {
        if (findings.text(at + ".path", check.path())) {
            findings.startsWithSlash(at + ".path", check.path());
        }
        findings.atLeast(at + ".interval", check.interval(), MIN_HEALTH_INTERVAL);
        if (check.timeout().isNegative() || check.timeout().isZero() || check.timeout().compareTo(check.interval()) >= 0) {
            findings.add(at + ".timeout", "must be greater than 0 and less than interval ("
                    + DurationText.format(check.interval()) + "), got " + DurationText.format(check.timeout()));
        }
        findings.atLeast(at + ".unhealthyThreshold", check.unhealthyThreshold(), 1);
        findings.atLeast(at + ".healthyThreshold", check.healthyThreshold(), 1);
    }

    private static void outlier(String at, OutlierConfig outlier, Findings findings) {
        double threshold = outlier.errorRateThreshold();
        // Written so that NaN fails too.
        if (!(threshold > 0 && threshold <= 1)) {
            findings.add(at + ".errorRateThreshold", "must be greater than 0 and at most 1, got " + threshold);
        }
        findings.atLeast(at + ".window", outlier.window(), MIN_OUTLIER_WINDOW);
        findings.atLeast(at + ".minRequests", outlier.minRequests(), 1);
        findings.positive(at + ".halfOpenInterval", outlier.halfOpenInterval());
        findings.notNegative(at + ".rampUp", outlier.rampUp());
    }
}
