package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.admin.ControlException;
import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.admin.SeriesRequest;
import dev.gatehouse.engine.telemetry.MetricsSnapshot;
import dev.gatehouse.engine.telemetry.SeriesFilter;
import dev.gatehouse.engine.telemetry.SeriesPoint;
import dev.gatehouse.engine.telemetry.backend.BackendMetricsSnapshot;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Reads one dashboard sample from the engine (blocking: call it off the FX thread, one call at a
 * time). A history range's minute points change once a minute, so they are read again only when
 * a new minute began or the selection changed: a remote engine is not asked for 24 hours of
 * points six times over every second.
 */
final class DashboardReader {

    /** Keys per stacked chart: the busiest ones. */
    static final int BREAKDOWN_KEYS = 5;

    private final GatewayControl control;
    private DashboardSample last;

    DashboardReader(GatewayControl control) {
        this.control = requireNonNull(control, "control");
    }

    DashboardSample read(DashboardSelection selection) {
        MetricsSnapshot metrics = control.metrics();
        Instant now = metrics.takenAt();
        BackendMetricsSnapshot backends = backendsOrNull();
        DashboardSample sample;
        if (last != null && !selection.range().live() && last.selection().equals(selection)
                && sameMinute(last.metrics().takenAt(), now)) {
            sample = new DashboardSample(selection, metrics, last.points(), last.breakdown(), backends,
                    control.endpointHealth());
        } else {
            Map<String, List<SeriesPoint>> breakdown = new LinkedHashMap<>();
            for (LeaderEntry key : LeaderEntry.top(metrics.by(selection.breakdown()), BREAKDOWN_KEYS)) {
                breakdown.put(key.name(), series(selection, SeriesFilter.of(selection.breakdown(), key.name()), now));
            }
            sample = new DashboardSample(selection, metrics, series(selection, selection.filter(), now), breakdown,
                    backends, control.endpointHealth());
        }
        last = sample;
        return sample;
    }

    private List<SeriesPoint> series(DashboardSelection selection, SeriesFilter filter, Instant now) {
        return control.series(new SeriesRequest(selection.range().resolution(), now.minus(selection.range().span()),
                now, filter));
    }

    private static boolean sameMinute(Instant a, Instant b) {
        return a.truncatedTo(ChronoUnit.MINUTES).equals(b.truncatedTo(ChronoUnit.MINUTES));
    }

    /** An engine without backend scraping (an older remote one) leaves the gauges at "no metrics". */
    private BackendMetricsSnapshot backendsOrNull() {
        try {
            return control.backends();
        } catch (ControlException e) {
            if (e.kind() == ControlException.Kind.NOT_FOUND || e.kind() == ControlException.Kind.METHOD_NOT_ALLOWED) {
                return null;
            }
            throw e;
        }
    }
}
