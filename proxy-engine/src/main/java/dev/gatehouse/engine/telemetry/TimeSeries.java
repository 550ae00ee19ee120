package dev.gatehouse.engine.telemetry;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's time series, built by sampling the running figures once a second: each sample
 * turns the increase since the previous one into the point of the second that just ended and adds
 * it to the open minute. Memory is fixed: one pair of rings per kept key, and at most
 * {@code maxKeys} kept keys per dimension (the rest are read together as {@link SeriesFilter#OTHER}).
 * {@link #sample} runs on one thread at a time; queries may come from any thread.
 */
final class TimeSeries {

    private final int maxKeys;
    private final KeySeries all = new KeySeries();
    private final Map<Dimension, Map<String, KeySeries>> byDimension = new EnumMap<>(Dimension.class);
    /** The last reading of every key's running figures, to difference the next one against. */
    private final Map<KeyStats, long[]> previous = new HashMap<>();
    private final long[] reading = new long[KeyStats.SERIES_WIDTH];

    TimeSeries(int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be >= 1, got " + maxKeys);
        }
        this.maxKeys = maxKeys;
        for (Dimension dimension : Dimension.values()) {
            if (dimension.hasSeries()) {
                byDimension.put(dimension, new ConcurrentHashMap<>());
            }
        }
    }

    /** Records the increase of every figure since the last sample as happening in {@code epochSecond}. */
    synchronized void sample(long epochSecond, KeyStats total, Map<Dimension, BoundedMap<KeyStats>> tables) {
        all.add(epochSecond, increment(total));
        byDimension.forEach((dimension, series) -> tables.get(dimension).forEach((key, stats) -> {
            long[] increment = increment(stats);
            KeySeries kept = series.get(key);
            if (kept == null) {
                String as = series.size() < maxKeys || key.equals(SeriesFilter.OTHER) ? key : SeriesFilter.OTHER;
                kept = series.computeIfAbsent(as, k -> new KeySeries());
            }
            // Several keys may add to OTHER in one second: its open point sums them.
            kept.add(epochSecond, increment);
        }));
    }

    List<SeriesPoint> range(Resolution resolution, long from, long to, SeriesFilter filter) {
        KeySeries series = filter.dimension() == null ? all : byDimension.get(filter.dimension()).get(filter.key());
        return series == null ? List.of() : series.ring(resolution).range(from, to);
    }

    /** Array slots held by every ring, for the test that shows memory does not grow. */
    synchronized long slots() {
        long slots = 0;
        for (KeySeries series : keptSeries()) {
            slots += series.ring(Resolution.SECOND).capacity() + series.ring(Resolution.MINUTE).capacity();
        }
        return slots;
    }

    private List<KeySeries> keptSeries() {
        List<KeySeries> kept = new ArrayList<>(List.of(all));
        byDimension.values().forEach(series -> kept.addAll(series.values()));
        return kept;
    }

    private long[] increment(KeyStats stats) {
        long[] last = previous.computeIfAbsent(stats, s -> new long[KeyStats.SERIES_WIDTH]);
        stats.readForSeries(reading);
        long[] increment = new long[KeyStats.SERIES_WIDTH];
        for (int i = 0; i < increment.length; i++) {
            increment[i] = reading[i] - last[i];
            last[i] = reading[i];
        }
        return increment;
    }
}
