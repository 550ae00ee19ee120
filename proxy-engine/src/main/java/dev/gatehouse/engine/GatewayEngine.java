package dev.gatehouse.engine;

import dev.gatehouse.engine.ai.AiServices;
import dev.gatehouse.engine.ai.limit.QuotaUsage;
import dev.gatehouse.engine.ai.AiSnapshot;
import dev.gatehouse.engine.config.ConfigException;
import dev.gatehouse.engine.config.ConfigValidator;
import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.ListenerConfig;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.health.ActiveHealthChecker;
import dev.gatehouse.engine.health.CheckTarget;
import dev.gatehouse.engine.health.EndpointHealth;
import dev.gatehouse.engine.health.ManagedHealth;
import dev.gatehouse.engine.health.Scheduler;
import dev.gatehouse.engine.routing.RouteTable;
import dev.gatehouse.engine.server.EngineSnapshot;
import dev.gatehouse.engine.server.GatewayServer;
import dev.gatehouse.engine.server.Transport;
import dev.gatehouse.engine.telemetry.backend.BackendMetrics;
import dev.gatehouse.engine.telemetry.backend.BackendMetricsSnapshot;
import dev.gatehouse.engine.telemetry.backend.BackendScraper;
import dev.gatehouse.engine.telemetry.backend.LocalGpuMonitor;
import dev.gatehouse.engine.telemetry.backend.MetricsFetcher;
import dev.gatehouse.engine.upstream.PoolBuilder;
import dev.gatehouse.engine.upstream.UpstreamPool;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The gateway engine as a whole: serves one validated config snapshot at a time and swaps it
 * atomically on {@link #apply}. The same object runs headless and embedded in the console.
 * {@link #apply} and {@link #shutdown} block briefly (binding sockets) and must not be called
 * from an event loop.
 */
public final class GatewayEngine implements AutoCloseable {

    private final EngineOptions options;
    private final GatewayServer server;
    private final PoolBuilder poolBuilder;
    private final ScheduledExecutorService healthExecutor;
    private final List<ActiveHealthChecker> checkers = new ArrayList<>();
    private final AiServices aiServices = AiServices.local();
    private final BackendMetrics backendMetrics = new BackendMetrics(Clock.systemUTC());
    private final ScheduledExecutorService scrapeExecutor;
    private final EventLoopGroup scrapeLoop;
    private final LocalGpuMonitor localGpus;
    private BackendScraper scraper;
    private volatile EngineSnapshot snapshot;
    private long version;

    private GatewayEngine(EngineOptions options) {
        this.options = options;
        this.poolBuilder = new PoolBuilder(this::newHealth);
        this.server = new GatewayServer(() -> snapshot, options.transport(), options.workerThreads(), aiServices,
                options.records(), options.activity());
        // Probes resolve host names and time themselves here, never on an event loop.
        this.healthExecutor = Executors.newSingleThreadScheduledExecutor(
                new DefaultThreadFactory("gatehouse-health", true));
        // Scrapes resolve host names and parse pages here, never on an event loop.
        this.scrapeExecutor = Executors.newSingleThreadScheduledExecutor(
                new DefaultThreadFactory("gatehouse-metrics-scrape", true));
        // Its own loop: a metrics page (up to 8 MiB, perhaps gzipped) is decoded where it is read,
        // which must not hold up the requests on the workers.
        this.scrapeLoop = options.transport().newGroup(1, "gatehouse-metrics-io");
        this.localGpus = LocalGpuMonitor.start(LocalGpuMonitor.NVIDIA_SMI, LocalGpuMonitor.DEFAULT_INTERVAL,
                Clock.systemUTC(), backendMetrics::updateLocalGpus);
    }

    /** Starts an engine serving {@code config}, which must be valid. */
    public static GatewayEngine start(GatewayConfig config, EngineOptions options)
            throws ConfigException, InterruptedException {
        GatewayEngine engine = new GatewayEngine(options);
        try {
            engine.apply(config);
        } catch (ConfigException | InterruptedException | RuntimeException e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    public static GatewayEngine start(GatewayConfig config) throws ConfigException, InterruptedException {
        return start(config, EngineOptions.defaults());
    }

    /**
     * Makes {@code config} the running one: validates it, builds the new snapshot off the request
     * path, binds any new listeners, then swaps the snapshot in one write. Requests already under
     * way finish on the snapshot they started with. On failure (an invalid config, a port that
     * cannot be bound) the running config stays as it was.
     *
     * @throws ConfigException listing every problem with the path of its field
     */
    public synchronized EngineSnapshot apply(GatewayConfig config) throws ConfigException, InterruptedException {
        ConfigValidator.requireValid(config);
        EngineSnapshot previous = snapshot;
        Map<String, UpstreamPool> pools = new HashMap<>();
        for (PoolConfig poolConfig : config.pools()) {
            UpstreamPool before = previous == null ? null : previous.pool(poolConfig.name());
            pools.put(poolConfig.name(), poolBuilder.build(poolConfig, before));
        }
        EngineSnapshot next = new EngineSnapshot(++version, config, RouteTable.compile(config.routes()), pools,
                AiSnapshot.build(config, aiServices, options.environment()));
        if (previous == null) {
            snapshot = next;
        }
        server.bind(listenersOf(config));
        snapshot = next;
        restartHealthChecks(next);
        restartScraper(next);
        return next;
    }

    /** The scraper follows the snapshot; endpoints kept across the reload keep their samples. */
    private void restartScraper(EngineSnapshot current) {
        if (scraper != null) {
            scraper.close();
        }
        List<UpstreamPool> pools = current.config().pools().stream().map(p -> current.pool(p.name())).toList();
        backendMetrics.track(pools);
        scraper = BackendScraper.start(pools, MetricsFetcher.http(scrapeLoop, options.transport().clientChannel()),
                Scheduler.of(scrapeExecutor), backendMetrics, Clock.systemUTC(), options.ticker());
    }

    /** Every pool's backend (GPU, inference server) metrics and the local GPUs, as last scraped. */
    public BackendMetricsSnapshot backendMetrics() {
        return backendMetrics.snapshot();
    }

    /** Checkers follow the snapshot; endpoints kept across the reload keep their verdicts. */
    private void restartHealthChecks(EngineSnapshot current) {
        checkers.forEach(ActiveHealthChecker::close);
        checkers.clear();
        for (UpstreamPool pool : current.pools().values()) {
            List<CheckTarget> targets = pool.endpoints().stream()
                    .map(e -> new CheckTarget(e.host(), e.port(), (ManagedHealth) e.health()))
                    .toList();
            checkers.add(ActiveHealthChecker.start(pool.config().healthCheck(), targets, server.workers(),
                    options.transport().clientChannel(), healthExecutor));
        }
    }

    private static List<ListenerConfig> listenersOf(GatewayConfig config) {
        return config.listeners().isEmpty()
                ? List.of(ListenerConfig.of(ListenerConfig.DEFAULT_HOST, ListenerConfig.DEFAULT_PORT))
                : config.listeners();
    }

    private EndpointHealth newHealth(PoolConfig pool, EndpointConfig endpoint) {
        return ManagedHealth.create(pool.name() + "/" + endpoint.address(), pool.outlier(), options.ticker(),
                options.healthListener());
    }

    /**
     * Counts tokens consumers used earlier today and this month (before this process started)
     * against their quotas, so a restart does not reset them.
     */
    public void carryOverQuotaUsage(List<QuotaUsage> usage) {
        usage.forEach(aiServices.limiter()::carryOver);
    }

    public EngineSnapshot snapshot() {
        return snapshot;
    }

    public GatewayConfig config() {
        return snapshot.config();
    }

    /** The addresses the gateway listens on, with the actual ports. */
    /** The socket transport the gateway runs on: io_uring, epoll or nio. */
    public String transportName() {
        return options.transport().name();
    }

    public List<InetSocketAddress> addresses() {
        return server.addresses();
    }

    /** Requests being served right now. */
    public int inFlight() {
        return server.inFlight().get();
    }

    /** Stops accepting, lets in-flight requests finish within the config's drain timeout, then stops. */
    public CompletableFuture<Void> shutdown() {
        return shutdown(snapshot.config().limits().drainTimeout());
    }

    public CompletableFuture<Void> shutdown(Duration deadline) {
        stopHealthChecks();
        stopScraping();
        return server.drain(deadline);
    }

    @Override
    public void close() {
        stopHealthChecks();
        stopScraping();
        server.close();
    }

    private synchronized void stopHealthChecks() {
        checkers.forEach(ActiveHealthChecker::close);
        checkers.clear();
        healthExecutor.shutdownNow();
    }

    private synchronized void stopScraping() {
        if (scraper != null) {
            scraper.close();
        }
        scrapeExecutor.shutdownNow();
        scrapeLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        localGpus.close();
    }
}
