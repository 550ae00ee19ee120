package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.admin.PoolHealth;
import dev.gatehouse.engine.telemetry.MetricsSnapshot;
import dev.gatehouse.engine.telemetry.SeriesPoint;
import dev.gatehouse.engine.telemetry.backend.BackendMetricsSnapshot;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What one dashboard poll read from the engine, off the FX thread. {@code backends} is null from
 * an engine that does not report backend metrics (its GPU gauges then say "no metrics").
 */
record DashboardSample(MetricsSnapshot metrics, List<SeriesPoint> lastMinutes, BackendMetricsSnapshot backends,
                       List<PoolHealth> health) {

    DashboardSample {
        requireNonNull(metrics, "metrics");
        lastMinutes = List.copyOf(lastMinutes);
        health = List.copyOf(health);
    }
}
