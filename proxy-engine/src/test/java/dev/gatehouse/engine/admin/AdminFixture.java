package dev.gatehouse.engine.admin;

import dev.gatehouse.engine.EngineOptions;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.accesslog.AccessRecordSink;
import dev.gatehouse.engine.accesslog.store.AccessLogStore;
import dev.gatehouse.engine.accesslog.store.StoreOptions;
import dev.gatehouse.engine.config.ConfigCodec;
import dev.gatehouse.engine.config.ConfigStore;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.config.RouteConfig;
import dev.gatehouse.engine.config.RouteMatch;
import dev.gatehouse.engine.config.PathMatch;
import dev.gatehouse.engine.telemetry.Telemetry;
import dev.gatehouse.engine.testing.Closer;
import dev.gatehouse.engine.testing.Gateways;
import dev.gatehouse.engine.testing.MutableClock;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An engine serving a config file, with its config store, its telemetry and access log, and an
 * embedded control, for admin tests. Nothing listens at the pools' endpoints (and there are no
 * health checks): a request routed to them fails at the gateway, which is still a request it
 * counts and records.
 */
public final class AdminFixture {

    public static final InetSocketAddress FIRST = new InetSocketAddress("127.0.0.1", 9);
    public static final InetSocketAddress SECOND = new InetSocketAddress("127.0.0.1", 19);

    public final Path file;
    public final ConfigStore store;
    public final GatewayEngine engine;
    public final ServedConfig served;
    public final MutableClock clock = new MutableClock("2026-01-01T00:00:00Z");
    public final Telemetry telemetry = new Telemetry(clock);
    public final AccessLogStore log;
    public final TrafficRecords traffic;
    public final EmbeddedGatewayControl embedded;
    public final GatewayConfig initial;

    public AdminFixture(Path dir, Closer closer) throws Exception {
        initial = Gateways.oneRoute(Gateways.pool("chat", FIRST, SECOND));
        file = dir.resolve("served.json");
        Files.writeString(file, new ConfigCodec().write(initial));
        store = new ConfigStore(dir.resolve("store"));
        log = closer.add(AccessLogStore.open(StoreOptions.defaults(dir.resolve("access-log.db"))));
        traffic = TrafficRecords.of(telemetry, log);
        closer.add(traffic.logQueries());
        engine = closer.add(GatewayEngine.start(initial, EngineOptions.defaults().withWorkerThreads(1)
                .withRecords(AccessRecordSink.both(telemetry, log)).withActivity(telemetry)));
        served = ServedConfig.fromFile(engine, store, file, c -> c);
        served.recordRunning();
        embedded = new EmbeddedGatewayControl(served, traffic, clock);
    }

    /** The initial config with one more pool (and a route to it), so a change shows in endpoint health. */
    public static GatewayConfig withPool(GatewayConfig config, String pool, InetSocketAddress... endpoints) {
        List<PoolConfig> pools = new ArrayList<>(config.pools());
        pools.add(Gateways.pool(pool, endpoints));
        List<RouteConfig> routes = new ArrayList<>(config.routes());
        routes.add(0, new RouteConfig(pool, 0, new RouteMatch(null, PathMatch.prefix("/" + pool), null, null, null), pool));
        return new GatewayConfig(config.listeners(), routes, pools, config.limits());
    }

    /** A config whose routes name pools that do not exist: two errors. */
    public static GatewayConfig withTwoBrokenRoutes(GatewayConfig config) {
        List<RouteConfig> routes = new ArrayList<>(config.routes());
        routes.add(0, new RouteConfig("a", 0, new RouteMatch(null, PathMatch.prefix("/a"), null, null, null), "missing-a"));
        routes.add(1, new RouteConfig("b", 0, new RouteMatch(null, PathMatch.prefix("/b"), null, null, null), "missing-b"));
        return new GatewayConfig(config.listeners(), routes, config.pools(), config.limits());
    }
}
