package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.accesslog.query.ExportProgress;
import dev.gatehouse.engine.accesslog.query.ExportResult;
import dev.gatehouse.engine.accesslog.query.LogPage;
import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.engine.accesslog.query.MinuteAggregate;
import dev.gatehouse.engine.accesslog.query.TopEntry;
import dev.gatehouse.engine.accesslog.store.StoreStats;
import dev.gatehouse.engine.admin.ApplyRequest;
import dev.gatehouse.engine.admin.ApplyResult;
import dev.gatehouse.engine.admin.ControlException;
import dev.gatehouse.engine.admin.EndpointRef;
import dev.gatehouse.engine.admin.EndpointStatus;
import dev.gatehouse.engine.admin.EngineStatus;
import dev.gatehouse.engine.admin.ExportRequest;
import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.admin.LogPageRequest;
import dev.gatehouse.engine.admin.PoolHealth;
import dev.gatehouse.engine.admin.SeriesRequest;
import dev.gatehouse.engine.admin.TopRequest;
import dev.gatehouse.engine.admin.ValidationResult;
import dev.gatehouse.engine.admin.VersionedConfig;
import dev.gatehouse.engine.config.ConfigValidator;
import dev.gatehouse.engine.config.ConfigVersion;
import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.health.HealthState;
import dev.gatehouse.engine.telemetry.MetricsSnapshot;
import dev.gatehouse.engine.telemetry.SeriesPoint;
import dev.gatehouse.engine.telemetry.backend.BackendMetricsSnapshot;

import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An engine in a test's hands: it keeps the running config and replaced versions like the real one,
 * refuses stale or invalid applies the same way, and reports whatever health the test sets.
 */
final class FakeControl implements GatewayControl {

    private VersionedConfig running;
    private final List<GatewayConfig> kept = new ArrayList<>();
    private final Map<String, HealthState> states = new HashMap<>();
    int applies;

    FakeControl(GatewayConfig initial) {
        running = new VersionedConfig(1, initial);
    }

    /** A view model of this engine, loaded, doing its background and FX work on the calling thread. */
    RoutesViewModel loadedModel() {
        RoutesViewModel model = new RoutesViewModel(this, QpsSource.none(), Runnable::run, Runnable::run);
        model.load();
        return model;
    }

    /** A view model of this engine whose background work waits in {@code queue} until the test runs it. */
    RoutesViewModel queuedModel(List<Runnable> queue) {
        return new RoutesViewModel(this, QpsSource.none(), queue::add, Runnable::run);
    }

    /** Another console applies {@code config}: the version moves on under the view model. */
    void someoneElseApplies(GatewayConfig config) {
        replace(config);
    }

    void setState(String pool, String address, HealthState state) {
        states.put(pool + "/" + address, state);
    }

    GatewayConfig running() {
        return running.config();
    }

    @Override
    public EngineStatus status() {
        return new EngineStatus(true, List.of("127.0.0.1:8080"), running.version(), 1, 0);
    }

    @Override
    public VersionedConfig config() {
        return running;
    }

    @Override
    public ValidationResult validate(GatewayConfig config) {
        return ValidationResult.of(ConfigValidator.validate(config));
    }

    @Override
    public ApplyResult apply(ApplyRequest request) {
        if (request.basedOnVersion() != null && request.basedOnVersion() != running.version()) {
            throw new ControlException(ControlException.Kind.CONFLICT, "version " + running.version() + " runs now");
        }
        var errors = ConfigValidator.validate(request.config());
        if (!errors.isEmpty()) {
            throw ControlException.invalidConfig(errors);
        }
        applies++;
        replace(request.config());
        return new ApplyResult(running.version());
    }

    @Override
    public List<ConfigVersion> versions() {
        List<ConfigVersion> versions = new ArrayList<>();
        for (int seq = kept.size(); seq >= 1; seq--) {
            versions.add(new ConfigVersion(seq, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seq)));
        }
        return versions;
    }

    @Override
    public ApplyResult rollback(long seq) {
        if (seq < 1 || seq > kept.size()) {
            throw new ControlException(ControlException.Kind.NOT_FOUND, "no version " + seq);
        }
        replace(kept.get((int) seq - 1));
        return new ApplyResult(running.version());
    }

    @Override
    public List<PoolHealth> endpointHealth() {
        List<PoolHealth> pools = new ArrayList<>();
        for (PoolConfig pool : running.config().pools()) {
            List<EndpointStatus> endpoints = new ArrayList<>();
            for (EndpointConfig e : pool.endpoints()) {
                HealthState state = states.getOrDefault(pool.name() + "/" + e.address(), HealthState.HEALTHY);
                int effective = state == HealthState.HEALTHY ? e.weight() : 0;
                endpoints.add(new EndpointStatus(pool.name(), e.address(), state, e.weight(), effective, 0));
            }
            pools.add(new PoolHealth(pool.name(), endpoints));
        }
        return pools;
    }

    @Override
    public EndpointStatus drain(EndpointRef endpoint) {
        return set(endpoint, HealthState.DRAINING);
    }

    @Override
    public EndpointStatus eject(EndpointRef endpoint) {
        return set(endpoint, HealthState.EJECTED);
    }

    @Override
    public EndpointStatus restore(EndpointRef endpoint) {
        return set(endpoint, HealthState.HEALTHY);
    }

    private EndpointStatus set(EndpointRef endpoint, HealthState state) {
        if (running.config().pool(endpoint.pool()) == null) {
            throw new ControlException(ControlException.Kind.NOT_FOUND, "no pool " + endpoint.pool());
        }
        states.put(endpoint.pool() + "/" + endpoint.address(), state);
        return new EndpointStatus(endpoint.pool(), endpoint.address(), state, 100, 0, 0);
    }

    @Override
    public MetricsSnapshot metrics() {
        throw unused();
    }

    @Override
    public List<SeriesPoint> series(SeriesRequest request) {
        throw unused();
    }

    @Override
    public BackendMetricsSnapshot backends() {
        throw unused();
    }

    @Override
    public LogPage logs(LogPageRequest request) {
        throw unused();
    }

    @Override
    public List<MinuteAggregate> logMinutes(LogQuery query) {
        throw unused();
    }

    @Override
    public List<TopEntry> logTop(TopRequest request) {
        throw unused();
    }

    @Override
    public StoreStats logStore() {
        throw unused();
    }

    @Override
    public ExportResult exportLogs(ExportRequest request, OutputStream out, ExportProgress progress) {
        throw unused();
    }

    /** The routes editor reads no telemetry or logs from the control (QPS comes through its QpsSource). */
    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("not used by the routes editor");
    }

    private void replace(GatewayConfig config) {
        kept.add(running.config());
        running = new VersionedConfig(running.version() + 1, config);
    }
}
