package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.telemetry.SeriesPoint;

import java.util.ArrayList;
import java.util.List;

/** Requests per second of a range's points, averaged down to a number a sparkline can draw. */
final class Sparkline {

    private Sparkline() {
    }

    /** One value per point, or per run of consecutive points when there are more than {@code max}. */
    static List<Double> of(List<SeriesPoint> points, int max) {
        int per = (points.size() + max - 1) / max;
        if (per <= 1) {
            return points.stream().map(SeriesPoint::requestsPerSecond).toList();
        }
        List<Double> values = new ArrayList<>();
        for (int from = 0; from < points.size(); from += per) {
            long requests = 0;
            long seconds = 0;
            for (SeriesPoint point : points.subList(from, Math.min(from + per, points.size()))) {
                requests += point.requests();
                seconds += point.seconds();
            }
            values.add((double) requests / seconds);
        }
        return List.copyOf(values);
    }
}
