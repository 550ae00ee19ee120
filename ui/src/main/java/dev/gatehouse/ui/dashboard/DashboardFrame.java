package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.telemetry.Dimension;
import dev.gatehouse.engine.telemetry.MetricsSnapshot;
import dev.gatehouse.engine.telemetry.backend.BackendSample;
import dev.gatehouse.engine.telemetry.backend.PoolBackends;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything of one poll that does not depend on the polls before it, worked out off the FX
 * thread (lining up the breakdown's points, averaging the sparkline, ranking the leaders), so
 * the FX thread only sets properties.
 */
record DashboardFrame(DashboardSample sample, List<Double> sparkline, Breakdown breakdown, List<GpuGauge> gauges,
                      List<LeaderEntry> topModels, List<LeaderEntry> topConsumers, List<LeaderEntry> topRoutes,
                      List<PoolHealthCount> poolHealth, Map<Dimension, List<String>> keys) {

    static DashboardFrame of(DashboardSample sample) {
        MetricsSnapshot metrics = sample.metrics();
        Map<Dimension, List<String>> keys = new EnumMap<>(Dimension.class);
        DashboardSelection.DIMENSIONS.forEach(d -> keys.put(d, List.copyOf(metrics.by(d).keySet())));
        return new DashboardFrame(sample,
                Sparkline.of(sample.points(), DashboardViewModel.SPARKLINE_POINTS),
                Breakdown.of(sample.selection().breakdown(), sample.breakdown()),
                gauges(sample),
                LeaderEntry.top(metrics.models(), DashboardViewModel.LEADERS),
                LeaderEntry.top(metrics.consumers(), DashboardViewModel.LEADERS),
                LeaderEntry.top(metrics.routes(), DashboardViewModel.LEADERS),
                PoolHealthCount.of(sample.health()),
                Map.copyOf(keys));
    }

    private static List<GpuGauge> gauges(DashboardSample sample) {
        List<GpuGauge> gauges = new ArrayList<>();
        if (sample.backends() == null) {
            sample.health().forEach(pool -> pool.endpoints().forEach(
                    e -> gauges.add(GpuGauge.of(BackendSample.noMetrics(pool.pool(), e.address())))));
            return List.copyOf(gauges);
        }
        for (PoolBackends pool : sample.backends().pools()) {
            pool.endpoints().forEach(e -> gauges.add(GpuGauge.of(e)));
        }
        return List.copyOf(gauges);
    }
}
