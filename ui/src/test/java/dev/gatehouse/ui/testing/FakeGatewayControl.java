package dev.gatehouse.ui.testing;

import dev.gatehouse.engine.accesslog.query.ExportProgress;
import dev.gatehouse.engine.accesslog.query.ExportResult;
import dev.gatehouse.engine.accesslog.query.LogPage;
import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.engine.accesslog.query.MinuteAggregate;
import dev.gatehouse.engine.accesslog.query.TopEntry;
import dev.gatehouse.engine.accesslog.store.StoreStats;
import dev.gatehouse.engine.admin.ApplyRequest;
import dev.gatehouse.engine.admin.ExportRequest;
import dev.gatehouse.engine.admin.LogPageRequest;
import dev.gatehouse.engine.admin.SeriesRequest;
import dev.gatehouse.engine.admin.TopRequest;
import dev.gatehouse.engine.telemetry.Distribution;
import dev.gatehouse.engine.telemetry.KeyFigures;
import dev.gatehouse.engine.telemetry.MetricsSnapshot;
import dev.gatehouse.engine.telemetry.SeriesPoint;
import dev.gatehouse.engine.telemetry.backend.BackendMetricsSnapshot;
import dev.gatehouse.engine.admin.ApplyResult;
import dev.gatehouse.engine.admin.ControlException;
import dev.gatehouse.engine.admin.EndpointRef;
import dev.gatehouse.engine.admin.EndpointStatus;
import dev.gatehouse.engine.admin.EngineStatus;
import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.admin.PoolHealth;
import dev.gatehouse.engine.admin.ValidationResult;
import dev.gatehouse.engine.admin.VersionedConfig;
import dev.gatehouse.engine.config.ConfigVersion;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.health.HealthState;

import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link GatewayControl} whose answers the test sets: status, endpoint health, request count, or a failure. */
public final class FakeGatewayControl implements GatewayControl {

    private volatile EngineStatus status = new EngineStatus(true, List.of("127.0.0.1:8080"), 1, 1000, 0);
    private volatile List<PoolHealth> health = List.of();
    private volatile RuntimeException failure;
    private volatile long requests;
    private volatile Instant metricsAt = Instant.parse("2026-11-25T12:00:00Z");

    public void status(EngineStatus status) {
        this.status = status;
    }

    public void health(List<PoolHealth> health) {
        this.health = List.copyOf(health);
    }

    /** What {@link #metrics()} reports: {@code requests} completed, as of {@code at}. */
    public void requestsCompleted(long requests, Instant at) {
        this.requests = requests;
        this.metricsAt = at;
    }

    /** Every call fails with {@code failure} until set to null. */
    public void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    /** One pool with endpoints in the given states, addresses 10.0.0.1:8000, 10.0.0.2:8000, ... */
    public static PoolHealth pool(String name, HealthState... states) {
        List<EndpointStatus> endpoints = new ArrayList<>();
        for (int i = 0; i < states.length; i++) {
            endpoints.add(new EndpointStatus(name, "10.0.0." + (i + 1) + ":8000", states[i], 100, 100, 0));
        }
        return new PoolHealth(name, endpoints);
    }

    private void check() {
        RuntimeException now = failure;
        if (now != null) {
            throw now;
        }
    }

    @Override
    public EngineStatus status() {
        check();
        return status;
    }

    @Override
    public List<PoolHealth> endpointHealth() {
        check();
        return health;
    }

    @Override
    public MetricsSnapshot metrics() {
        check();
        Distribution none = Distribution.empty();
        KeyFigures total = new KeyFigures(requests, Map.of(), Map.of(), 0, 0, 0, 0, 0, 0, none, none, none);
        return new MetricsSnapshot(metricsAt, 0, 0, total, Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    @Override
    public List<SeriesPoint> series(SeriesRequest request) {
        throw unsupported();
    }

    @Override
    public BackendMetricsSnapshot backends() {
        throw unsupported();
    }

    @Override
    public LogPage logs(LogPageRequest request) {
        throw unsupported();
    }

    @Override
    public List<MinuteAggregate> logMinutes(LogQuery query) {
        throw unsupported();
    }

    @Override
    public List<TopEntry> logTop(TopRequest request) {
        throw unsupported();
    }

    @Override
    public StoreStats logStore() {
        throw unsupported();
    }

    @Override
    public ExportResult exportLogs(ExportRequest request, OutputStream out, ExportProgress progress) {
        throw unsupported();
    }

    @Override
    public VersionedConfig config() {
        throw unsupported();
    }

    @Override
    public ValidationResult validate(GatewayConfig config) {
        throw unsupported();
    }

    @Override
    public ApplyResult apply(ApplyRequest request) {
        throw unsupported();
    }

    @Override
    public List<ConfigVersion> versions() {
        throw unsupported();
    }

    @Override
    public ApplyResult rollback(long seq) {
        throw unsupported();
    }

    @Override
    public EndpointStatus drain(EndpointRef endpoint) {
        throw unsupported();
    }

    @Override
    public EndpointStatus eject(EndpointRef endpoint) {
        throw unsupported();
    }

    @Override
    public EndpointStatus restore(EndpointRef endpoint) {
        throw unsupported();
    }

    private static ControlException unsupported() {
        return new ControlException(ControlException.Kind.UNAVAILABLE, "not part of this fake");
    }
}
