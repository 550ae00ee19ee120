package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.admin.PoolHealth;
import dev.gatehouse.engine.telemetry.MetricsSnapshot;
import dev.gatehouse.engine.telemetry.SeriesPoint;
import dev.gatehouse.engine.telemetry.backend.BackendMetricsSnapshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What one dashboard poll read from the engine, off the FX thread, for {@code selection}: the
 * points of its range and filter, and those of each key it breaks down by (busiest first).
 * {@code backends} is null from an engine that does not report backend metrics (its GPU gauges
 * then say "no metrics").
 */
record DashboardSample(DashboardSelection selection, MetricsSnapshot metrics, List<SeriesPoint> points,
                       Map<String, List<SeriesPoint>> breakdown, BackendMetricsSnapshot backends,
                       List<PoolHealth> health) {

    DashboardSample {
        requireNonNull(selection, "selection");
        requireNonNull(metrics, "metrics");
        points = List.copyOf(points);
        breakdown = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(breakdown));
        health = List.copyOf(health);
    }
}
