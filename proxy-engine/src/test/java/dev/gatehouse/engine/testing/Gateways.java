package dev.gatehouse.engine.testing;

import dev.gatehouse.engine.config.BalancerConfig;
import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.HealthCheckConfig;
import dev.gatehouse.engine.config.LimitsConfig;
import dev.gatehouse.engine.config.ListenerConfig;
import dev.gatehouse.engine.config.OutlierConfig;
import dev.gatehouse.engine.config.PathMatch;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.config.RouteConfig;
import dev.gatehouse.engine.config.RouteMatch;

import java.net.InetSocketAddress;
import java.util.List;

/** Small builders for the configs integration tests serve: one route, one pool, ephemeral port. */
public final class Gateways {

    private Gateways() {
    }

    public static final HealthCheckConfig NO_ACTIVE_CHECKS = new HealthCheckConfig(false, null, null, null, null, null);
    public static final OutlierConfig NO_OUTLIER_DETECTION = new OutlierConfig(false, null, null, null, null, null);

    public static PoolConfig pool(String name, InetSocketAddress... upstreams) {
        List<EndpointConfig> endpoints = java.util.Arrays.stream(upstreams)
                .map(a -> EndpointConfig.of(a.getHostString(), a.getPort())).toList();
        return new PoolConfig(name, BalancerConfig.of(BalancerConfig.Strategy.ROUND_ROBIN), endpoints,
                NO_ACTIVE_CHECKS, NO_OUTLIER_DETECTION);
    }

    public static GatewayConfig oneRoute(PoolConfig pool, LimitsConfig limits) {
        return new GatewayConfig(
                List.of(ListenerConfig.of("127.0.0.1", 0)),
                List.of(new RouteConfig("all", 0, new RouteMatch(null, PathMatch.prefix("/"), null, null, null), pool.name())),
                List.of(pool),
                limits);
    }

    public static GatewayConfig oneRoute(PoolConfig pool) {
        return oneRoute(pool, LimitsConfig.defaults());
    }

    public static LimitsConfig limits(java.util.function.UnaryOperator<LimitsBuilder> edit) {
        return edit.apply(new LimitsBuilder()).build();
    }

    /** Mutable stand-in for LimitsConfig's many optional fields. */
    public static final class LimitsBuilder {
        public Long maxBodyBytes;
        public Integer maxHeaderBytes;
        public Integer maxInitialLineBytes;
        public java.time.Duration headerReadTimeout;
        public java.time.Duration upstreamTimeout;
        public java.time.Duration clientIdleTimeout;

        public LimitsBuilder maxBodyBytes(long v) { maxBodyBytes = v; return this; }
        public LimitsBuilder maxHeaderBytes(int v) { maxHeaderBytes = v; return this; }
        public LimitsBuilder maxInitialLineBytes(int v) { maxInitialLineBytes = v; return this; }
        public LimitsBuilder headerReadTimeout(java.time.Duration v) { headerReadTimeout = v; return this; }
        public LimitsBuilder upstreamTimeout(java.time.Duration v) { upstreamTimeout = v; return this; }
        public LimitsBuilder clientIdleTimeout(java.time.Duration v) { clientIdleTimeout = v; return this; }

        LimitsConfig build() {
            return new LimitsConfig(maxBodyBytes, maxHeaderBytes, maxInitialLineBytes, headerReadTimeout, upstreamTimeout, null,
                    clientIdleTimeout, null, null);
        }
    }
}
