package dev.gatehouse.engine.admin;

import dev.gatehouse.engine.accesslog.query.ExportProgress;
import dev.gatehouse.engine.accesslog.query.ExportResult;
import dev.gatehouse.engine.accesslog.query.LogPage;
import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.engine.accesslog.query.MinuteAggregate;
import dev.gatehouse.engine.accesslog.query.SlotCounts;
import dev.gatehouse.engine.accesslog.query.TopEntry;
import dev.gatehouse.engine.accesslog.store.StoreStats;
import dev.gatehouse.engine.config.ConfigVersion;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.telemetry.MetricsSnapshot;
import dev.gatehouse.engine.telemetry.SeriesPoint;
import dev.gatehouse.engine.telemetry.backend.BackendMetricsSnapshot;

import java.io.OutputStream;
import java.util.List;
import java.util.TreeMap;

/**
 * The one way to manage an engine, in process ({@link EmbeddedGatewayControl}) or over the
 * admin REST API ({@code admin.remote.RemoteGatewayControl}). Every method may block (disk,
 * socket binding, network) and so must be called off UI threads and Netty event loops. Every
 * failure is a {@link ControlException} whose {@link ControlException.Kind} says what went wrong.
 */
public interface GatewayControl {

    /** Running state, listen addresses, config version, uptime and in-flight requests. */
    EngineStatus status();

    /** The running config with the version it runs as (the base for an optimistic {@link #apply}). */
    VersionedConfig config();

    /** Every problem in {@code config}, each with the path of its field; nothing is applied. */
    ValidationResult validate(GatewayConfig config);

    /**
     * Validates, hot-reloads and saves the config as a new version. Refused with
     * {@link ControlException.Kind#INVALID_CONFIG} (and every error) or, when the request names
     * the version it was based on and another apply happened since, with
     * {@link ControlException.Kind#CONFLICT}; the running config is then unchanged.
     */
    ApplyResult apply(ApplyRequest request);

    /** The configs replaced so far and kept for rollback, newest first. */
    List<ConfigVersion> versions();

    /** Makes the kept version {@code seq} the running config again (the current one is kept). */
    ApplyResult rollback(long seq);

    /** Every pool's endpoints with their health, weights and in-flight requests, in config order. */
    List<PoolHealth> endpointHealth();

    /** Stops new traffic to an endpoint; its in-flight requests finish. Lasts until {@link #restore}. */
    EndpointStatus drain(EndpointRef endpoint);

    /** Takes an endpoint out whatever its checks say, until {@link #restore}. */
    EndpointStatus eject(EndpointRef endpoint);

    /** Undoes a drain or eject; the health checks still decide whether traffic flows. */
    EndpointStatus restore(EndpointRef endpoint);

    /** Request figures since the engine started: totals and per route, pool, endpoint, model and consumer. */
    MetricsSnapshot metrics();

    /** Time series points of all traffic or of one route, pool, model or consumer, oldest first. */
    List<SeriesPoint> series(SeriesRequest request);

    /** The backends' scraped GPU and queue figures per pool and endpoint, and this machine's GPUs. */
    BackendMetricsSnapshot backends();

    /** A page of access log records matching the query, newest first, with the cursor of the next page. */
    LogPage logs(LogPageRequest request);

    /** Per-minute figures (requests, errors, latency percentiles, tokens) of the matching records. */
    List<MinuteAggregate> logMinutes(LogQuery query);

    /**
     * How many matching records started in each slot of the request's width, by status class
     * (only slots with a record, oldest first): what a histogram needs, far cheaper than
     * {@link #logMinutes}. This default sums {@link #logMinutes} (all, then 4xx only) for
     * implementations without a count of their own.
     */
    default List<SlotCounts> logHistogram(HistogramRequest request) {
        long slot = request.slotMillis();
        TreeMap<Long, long[]> slots = new TreeMap<>();
        for (MinuteAggregate minute : logMinutes(request.query())) {
            long[] counts = slots.computeIfAbsent(Math.floorDiv(minute.minuteMillis(), slot) * slot, k -> new long[3]);
            counts[0] += minute.requests() - minute.errors();
            counts[2] += minute.errors();
        }
        if (request.query().statusClasses().isEmpty() || request.query().statusClasses().contains(4)) {
            for (MinuteAggregate minute : logMinutes(request.query().toBuilder().statusClasses(4).build())) {
                long[] counts = slots.computeIfAbsent(Math.floorDiv(minute.minuteMillis(), slot) * slot, k -> new long[3]);
                long clientErrors = Math.min(minute.requests(), counts[0]);
                counts[0] -= clientErrors;
                counts[1] += clientErrors;
            }
        }
        return slots.entrySet().stream().map(e -> new SlotCounts(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2])).toList();
    }

    /** The models, consumers or routes with the most requests, tokens or errors among the matching records. */
    List<TopEntry> logTop(TopRequest request);

    /** What the access log store has written, dropped and kept. */
    StoreStats logStore();

    /**
     * Writes the matching records to {@code out} as CSV or JSON Lines, newest first, telling
     * {@code progress} how far it got and stopping when it says so.
     */
    ExportResult exportLogs(ExportRequest request, OutputStream out, ExportProgress progress);
}
