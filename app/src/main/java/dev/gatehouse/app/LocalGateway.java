package dev.gatehouse.app;

import dev.gatehouse.engine.EngineOptions;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.accesslog.AccessRecordSink;
import dev.gatehouse.engine.accesslog.store.AccessLogStore;
import dev.gatehouse.engine.accesslog.store.StoreListener;
import dev.gatehouse.engine.accesslog.store.StoreOptions;
import dev.gatehouse.engine.admin.EmbeddedGatewayControl;
import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.cloud.CloudOptions;
import dev.gatehouse.engine.discovery.CredentialResolver;
import dev.gatehouse.engine.discovery.EndpointDiscovery;
import dev.gatehouse.engine.discovery.ModelArtsSources;
import dev.gatehouse.engine.admin.GatewayExposition;
import dev.gatehouse.engine.admin.MetricsSource;
import dev.gatehouse.engine.admin.ServedConfig;
import dev.gatehouse.engine.admin.TrafficRecords;
import dev.gatehouse.engine.ai.limit.QuotaUsage;
import dev.gatehouse.engine.config.ConfigException;
import dev.gatehouse.engine.config.ConfigLoader;
import dev.gatehouse.engine.config.ConfigStore;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.ListenerConfig;
import dev.gatehouse.engine.sim.DemoEnvironment;
import dev.gatehouse.engine.telemetry.Telemetry;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * An engine in this process with everything it records: telemetry (time series sampled every
 * second), the access log in its SQLite file (from which consumers' quota usage so far this day
 * and month is read back at start), and the {@link GatewayControl} through which the console and
 * the admin API manage it. {@code serve} and the console start the engine this way.
 */
final class LocalGateway implements AutoCloseable {

    /** Where the demo's config versions are kept, under the state directory. */
    static final String DEMO_HISTORY = "demo-config";

    /** Makes the engine's served config: from a file, or kept in a store only (the demo). */
    @FunctionalInterface
    interface ServedFactory {
        ServedConfig create(GatewayEngine engine) throws ConfigException, IOException;
    }

    private final GatewayEngine engine;
    private final Telemetry telemetry;
    private final ScheduledExecutorService sampler;
    private final TrafficRecords traffic;
    private final ServedConfig served;
    private final EmbeddedGatewayControl control;
    private volatile EndpointDiscovery discovery;

    private LocalGateway(GatewayEngine engine, Telemetry telemetry, ScheduledExecutorService sampler,
                         TrafficRecords traffic, ServedConfig served) {
        this.engine = engine;
        this.telemetry = telemetry;
        this.sampler = sampler;
        this.traffic = traffic;
        this.served = served;
        this.control = new EmbeddedGatewayControl(served, traffic);
    }

    /**
     * Opens the access log at {@code accessLog} (a corrupt file is set aside and reported on
     * {@code err}; null keeps no access log), starts the engine on {@code config} recording into
     * it, and makes its control.
     */
    static LocalGateway start(GatewayConfig config, EngineOptions options, Path accessLog, ServedFactory served,
                              PrintStream err) throws ConfigException, IOException, InterruptedException {
        AccessLogStore log = accessLog == null ? null : openLog(accessLog, err);
        Telemetry telemetry = new Telemetry(Clock.systemUTC());
        TrafficRecords traffic = log == null ? TrafficRecords.withoutLog(telemetry) : TrafficRecords.of(telemetry, log);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("gatehouse-telemetry").factory());
        GatewayEngine engine = null;
        try {
            // Read before the engine records anything of its own, so nothing is counted twice.
            List<QuotaUsage> earlier = log == null ? List.of() : QuotaCarryOver.read(traffic.logQueries(), Instant.now());
            telemetry.startSampling(sampler);
            engine = GatewayEngine.start(config, options.withActivity(telemetry)
                    .withRecords(log == null ? telemetry : AccessRecordSink.both(telemetry, log)));
            engine.carryOverQuotaUsage(earlier);
            return new LocalGateway(engine, telemetry, sampler, traffic, served.create(engine));
        } catch (SQLException e) {
            sampler.shutdownNow();
            closeLog(traffic);
            throw new IOException("cannot read consumers' quota usage from the access log: " + e.getMessage(), e);
        } catch (ConfigException | IOException | InterruptedException | RuntimeException e) {
            if (engine != null) {
                engine.close();
            }
            sampler.shutdownNow();
            closeLog(traffic);
            throw e;
        }
    }

    /**
     * An engine serving the config {@code file} as {@code serve --config} and the console with a
     * file do: {@code listen} (when not null) overrides its listeners, now and on every reload,
     * and each config it applies is kept in {@code home}'s config directory with its history.
     */
    static LocalGateway servingFile(Path file, HostPort listen, GatehouseHome home, EngineOptions options, Path accessLog,
                                    PrintStream err) throws ConfigException, IOException, InterruptedException {
        GatewayConfig config = withListen(ConfigLoader.load(file), listen);
        return start(config, options, accessLog,
                engine -> ServedConfig.fromFile(engine, new ConfigStore(home.config()), file, c -> withListen(c, listen)), err);
    }

    static GatewayConfig withListen(GatewayConfig config, HostPort listen) {
        return listen == null ? config : config.withListeners(List.of(ListenerConfig.of(listen.host(), listen.port())));
    }

    GatewayEngine engine() {
        return engine;
    }

    /** Where config changes go: the admin API, the console and edits of the served file. */
    ServedConfig served() {
        return served;
    }

    GatewayControl control() {
        return control;
    }

    Telemetry telemetry() {
        return telemetry;
    }

    /** What {@code /metrics} on the admin listener serves. */
    MetricsSource exposition() {
        return new GatewayExposition(control, traffic);
    }

    /** Starts keeping pools with a {@code discovery} source in step with it, on its own thread. */
    /**
     * The demo's engine: its config history kept apart under the state directory (its simulators'
     * ports change on every start), its endpoints discovered from the demo's simulated cloud.
     * {@code accessLog} null keeps no access log.
     */
    static LocalGateway startDemo(DemoEnvironment demo, GatehouseHome home, EngineOptions options, Path accessLog,
                                  PrintStream err) throws ConfigException, IOException, InterruptedException {
        LocalGateway gateway = start(demo.config(), options, accessLog, engine -> {
            ServedConfig served = ServedConfig.inStore(engine, new ConfigStore(home.state().resolve(DEMO_HISTORY)));
            served.recordRunning();
            return served;
        }, err);
        try {
            gateway.startDiscovery(CloudVault.credentials(home, true, err));
            return gateway;
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
    }

    void startDiscovery(CredentialResolver credentials) {
        discovery = new EndpointDiscovery(control, new ModelArtsSources(credentials, CloudOptions.defaults()),
                Clock.systemUTC()).start(Duration.ofSeconds(1));
    }

    /** Drains in-flight requests, then writes the last records and closes the access log. */
    @Override
    public void close() {
        if (discovery != null) {
            discovery.close();
        }
        engine.shutdown().join();
        sampler.shutdownNow();
        closeLog(traffic);
    }

    private static AccessLogStore openLog(Path file, PrintStream err) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            return AccessLogStore.open(StoreOptions.defaults(file).withListener(reportingTo(err)));
        } catch (SQLException e) {
            throw new IOException("cannot open the access log " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeLog(TrafficRecords traffic) {
        if (traffic.logStore() == null) {
            return;
        }
        traffic.logQueries().close();
        try {
            traffic.logStore().close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static StoreListener reportingTo(PrintStream err) {
        return new StoreListener() {
            @Override
            public void fileSetAside(Path original, Path movedTo, String reason) {
                err.println("Gatehouse: the access log " + original + " could not be used (" + reason + "); it was moved to "
                        + movedTo + " and a new one started.");
            }

            @Override
            public void writeFailed(String message) {
                err.println("Gatehouse: access log records could not be written: " + message);
            }
        };
    }
}
