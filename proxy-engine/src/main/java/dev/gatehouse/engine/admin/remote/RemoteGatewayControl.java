package dev.gatehouse.engine.admin.remote;

import dev.gatehouse.engine.accesslog.query.ExportProgress;
import dev.gatehouse.engine.accesslog.query.ExportResult;
import dev.gatehouse.engine.accesslog.query.LogPage;
import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.engine.accesslog.query.MinuteAggregate;
import dev.gatehouse.engine.accesslog.query.SlotCounts;
import dev.gatehouse.engine.accesslog.query.TopEntry;
import dev.gatehouse.engine.accesslog.store.StoreStats;
import dev.gatehouse.engine.admin.ApplyRequest;
import dev.gatehouse.engine.admin.ApplyResult;
import dev.gatehouse.engine.admin.EndpointRef;
import dev.gatehouse.engine.admin.EndpointStatus;
import dev.gatehouse.engine.admin.EngineStatus;
import dev.gatehouse.engine.admin.ExportRequest;
import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.admin.HistogramRequest;
import dev.gatehouse.engine.admin.LogPageRequest;
import dev.gatehouse.engine.admin.PoolHealth;
import dev.gatehouse.engine.admin.SeriesRequest;
import dev.gatehouse.engine.admin.TopRequest;
import dev.gatehouse.engine.admin.ValidationResult;
import dev.gatehouse.engine.admin.VersionedConfig;
import dev.gatehouse.engine.admin.rest.AdminPaths;
import dev.gatehouse.engine.admin.rest.RollbackRequest;
import dev.gatehouse.engine.config.ConfigVersion;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.telemetry.MetricsSnapshot;
import dev.gatehouse.engine.telemetry.SeriesPoint;
import dev.gatehouse.engine.telemetry.backend.BackendMetricsSnapshot;

import com.fasterxml.jackson.core.type.TypeReference;

import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * {@link GatewayControl} of an engine in another process, through its admin REST API. Thread-safe;
 * close it to release its pooled connections.
 */
public final class RemoteGatewayControl implements GatewayControl, AutoCloseable {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Long enough for an apply that binds new listeners and saves the config. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    private final AdminHttpClient client;

    /** {@code base} is the admin listener, for example {@code http://127.0.0.1:9901}. */
    public RemoteGatewayControl(URI base, String token, Duration connectTimeout, Duration responseTimeout) {
        this.client = new AdminHttpClient(base, token, connectTimeout, responseTimeout);
    }

    public RemoteGatewayControl(URI base, String token) {
        this(base, token, DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT);
    }

    @Override
    public EngineStatus status() {
        return client.get(AdminPaths.STATUS, EngineStatus.class);
    }

    @Override
    public VersionedConfig config() {
        return client.get(AdminPaths.CONFIG, VersionedConfig.class);
    }

    @Override
    public ValidationResult validate(GatewayConfig config) {
        return client.post(AdminPaths.VALIDATE, config, ValidationResult.class);
    }

    @Override
    public ApplyResult apply(ApplyRequest request) {
        return client.post(AdminPaths.APPLY, request, ApplyResult.class);
    }

    @Override
    public List<ConfigVersion> versions() {
        return client.get(AdminPaths.VERSIONS, new TypeReference<List<ConfigVersion>>() { });
    }

    @Override
    public ApplyResult rollback(long seq) {
        return client.post(AdminPaths.ROLLBACK, new RollbackRequest(seq), ApplyResult.class);
    }

    @Override
    public List<PoolHealth> endpointHealth() {
        return client.get(AdminPaths.ENDPOINTS, new TypeReference<List<PoolHealth>>() { });
    }

    @Override
    public EndpointStatus drain(EndpointRef endpoint) {
        return client.post(AdminPaths.DRAIN, endpoint, EndpointStatus.class);
    }

    @Override
    public EndpointStatus eject(EndpointRef endpoint) {
        return client.post(AdminPaths.EJECT, endpoint, EndpointStatus.class);
    }

    @Override
    public EndpointStatus restore(EndpointRef endpoint) {
        return client.post(AdminPaths.RESTORE, endpoint, EndpointStatus.class);
    }

    @Override
    public MetricsSnapshot metrics() {
        return client.get(AdminPaths.METRICS_SNAPSHOT, MetricsSnapshot.class);
    }

    @Override
    public List<SeriesPoint> series(SeriesRequest request) {
        return client.post(AdminPaths.SERIES, request, new TypeReference<List<SeriesPoint>>() { });
    }

    @Override
    public BackendMetricsSnapshot backends() {
        return client.get(AdminPaths.BACKENDS, BackendMetricsSnapshot.class);
    }

    @Override
    public LogPage logs(LogPageRequest request) {
        return client.post(AdminPaths.LOGS, request, LogPage.class);
    }

    @Override
    public List<MinuteAggregate> logMinutes(LogQuery query) {
        return client.post(AdminPaths.LOG_MINUTES, query, new TypeReference<List<MinuteAggregate>>() { });
    }

    @Override
    public List<SlotCounts> logHistogram(HistogramRequest request) {
        return client.post(AdminPaths.LOG_HISTOGRAM, request, new TypeReference<List<SlotCounts>>() { });
    }

    @Override
    public List<TopEntry> logTop(TopRequest request) {
        return client.post(AdminPaths.LOG_TOP, request, new TypeReference<List<TopEntry>>() { });
    }

    @Override
    public StoreStats logStore() {
        return client.get(AdminPaths.LOG_STORE, StoreStats.class);
    }

    @Override
    public ExportResult exportLogs(ExportRequest request, OutputStream out, ExportProgress progress) {
        return client.export(AdminPaths.LOG_EXPORT, request, request.format(), out, progress);
    }

    @Override
    public void close() {
        client.close();
    }
}
