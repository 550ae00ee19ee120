package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.telemetry.Dimension;
import dev.gatehouse.engine.telemetry.SeriesPoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Traffic over time broken down by model, consumer or route, for the stacked charts: the times of
 * the points, oldest first, and per key (busiest first) its requests and tokens per second at
 * each time (0 where the key had no point).
 */
public record Breakdown(Dimension dimension, List<Instant> times, List<Band> bands) {

    /** One key's values, one per time. */
    public record Band(String key, double[] requestsPerSecond, double[] tokensPerSecond) {
        public Band {
            requireNonNull(key, "key");
        }
    }

    public static final Breakdown NONE = new Breakdown(Dimension.MODEL, List.of(), List.of());

    public Breakdown {
        requireNonNull(dimension, "dimension");
        times = List.copyOf(times);
        bands = List.copyOf(bands);
    }

    /** Lines up each key's points (in the order given: busiest first) on the union of their times. */
    public static Breakdown of(Dimension dimension, Map<String, List<SeriesPoint>> pointsByKey) {
        TreeSet<Instant> union = new TreeSet<>();
        pointsByKey.values().forEach(points -> points.forEach(p -> union.add(p.start())));
        List<Instant> times = List.copyOf(union);
        Map<Instant, Integer> index = new HashMap<>();
        for (int i = 0; i < times.size(); i++) {
            index.put(times.get(i), i);
        }
        List<Band> bands = new ArrayList<>();
        for (Map.Entry<String, List<SeriesPoint>> key : new LinkedHashMap<>(pointsByKey).entrySet()) {
            double[] requests = new double[times.size()];
            double[] tokens = new double[times.size()];
            for (SeriesPoint point : key.getValue()) {
                int at = index.get(point.start());
                requests[at] = point.requestsPerSecond();
                tokens[at] = point.inputTokensPerSecond() + point.outputTokensPerSecond();
            }
            bands.add(new Band(key.getKey(), requests, tokens));
        }
        return new Breakdown(dimension, times, bands);
    }

    /** The key whose band holds {@code value} stacked at time index {@code at}, or null above them all. */
    public String keyAt(int at, double value, boolean tokens) {
        double top = 0;
        for (Band band : bands) {
            top += (tokens ? band.tokensPerSecond() : band.requestsPerSecond())[at];
            if (value <= top) {
                return band.key();
            }
        }
        return null;
    }
}
