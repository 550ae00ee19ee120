package dev.gatehouse.engine.admin;

import dev.gatehouse.engine.accesslog.store.StoreStats;
import dev.gatehouse.engine.telemetry.PrometheusRenderer;
import dev.gatehouse.engine.telemetry.backend.BackendExposition;

/**
 * Everything {@code GET /metrics} serves for the user's Prometheus: engine gauges, the request
 * telemetry, the scraped backend (GPU) figures and the access log store's counters.
 */
public final class GatewayExposition implements MetricsSource {

    private final GatewayControl control;
    private final TrafficRecords traffic;

    /** {@code control} must be the embedded control of the engine that {@code traffic} records. */
    public GatewayExposition(GatewayControl control, TrafficRecords traffic) {
        this.control = control;
        this.traffic = traffic;
    }

    @Override
    public String render() {
        StringBuilder text = new StringBuilder(64 * 1024);
        text.append(MetricsSource.engineGauges(control).render());
        PrometheusRenderer.render(traffic.telemetry().snapshot(), text);
        BackendExposition.render(control.backends(), text);
        if (traffic.logStore() != null) {
            StoreStats stats = traffic.logStore().stats();
            sample(text, "access_log_written_total", "counter", "Records written to the access log.", stats.written());
            sample(text, "access_log_dropped_total", "counter",
                    "Records lost because the access log queue was full or a write failed.", stats.dropped());
            sample(text, "access_log_queue_depth", "gauge", "Records waiting to be written.", stats.queueDepth());
            sample(text, "access_log_database_bytes", "gauge", "Size of the access log database and its WAL.",
                    stats.databaseBytes());
            sample(text, "access_log_files_set_aside_total", "counter",
                    "Corrupt access log databases moved aside and replaced.", stats.filesSetAside());
        }
        return text.toString();
    }

    private static void sample(StringBuilder text, String name, String type, String help, long value) {
        text.append("# HELP gatehouse_").append(name).append(' ').append(help).append('\n')
                .append("# TYPE gatehouse_").append(name).append(' ').append(type).append('\n')
                .append("gatehouse_").append(name).append(' ').append(value).append('\n');
    }
}
