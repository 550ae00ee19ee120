package dev.gatehouse.engine.telemetry;

import dev.gatehouse.engine.accesslog.AccessRecord;
import dev.gatehouse.engine.accesslog.AccessRecordSink;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import static java.util.Objects.requireNonNull;

/**
 * The gateway's in-memory telemetry: takes every finished request's record (as an
 * {@link AccessRecordSink}) and the live connection and stream counts (as an
 * {@link ActivityListener}), and answers {@link #snapshot()} and {@link #series}. The request
 * path only adds to striped counters (no lock; a key's counters are created on its first
 * request); the time series are built by {@link #sample()}, once a second, on a thread of its
 * own. Memory is bounded: at most {@code maxKeys} keys per dimension (~9 KB each) and
 * {@code maxSeriesKeys} series per dimension (~265 KB each: 18 MB with the defaults, all full).
 */
public final class Telemetry implements AccessRecordSink, ActivityListener {

    /** Keys kept per dimension in the figures, and series kept per dimension, by default. */
    public static final int DEFAULT_MAX_KEYS = 256;
    public static final int DEFAULT_MAX_SERIES_KEYS = 16;

    /** Cached: {@code values()} copies its array on every call, and this is the request path. */
    private static final Dimension[] DIMENSIONS = Dimension.values();

    private final Clock clock;
    private final KeyStats total = new KeyStats();
    private final Map<Dimension, BoundedMap<KeyStats>> tables = new EnumMap<>(Dimension.class);
    private final LongAdder connections = new LongAdder();
    private final LongAdder streams = new LongAdder();
    private final TimeSeries series;

    /**
     * @param maxKeys       keys kept apart per dimension in the figures (model and consumer names come from clients)
     * @param maxSeriesKeys keys per dimension with time series of their own (each holds ~265 KB)
     */
    public Telemetry(Clock clock, int maxKeys, int maxSeriesKeys) {
        this.clock = requireNonNull(clock, "clock");
        for (Dimension dimension : Dimension.values()) {
            tables.put(dimension, new BoundedMap<>(maxKeys, KeyStats::new));
        }
        this.series = new TimeSeries(maxSeriesKeys);
    }

    public Telemetry(Clock clock) {
        this(clock, DEFAULT_MAX_KEYS, DEFAULT_MAX_SERIES_KEYS);
    }

    @Override
    public void accept(AccessRecord record) {
        Outcome outcome = Outcome.of(record);
        total.add(record, outcome);
        for (Dimension dimension : DIMENSIONS) {
            String key = dimension.valueOf(record);
            if (key != null) {
                tables.get(dimension).get(key).add(record, outcome);
            }
        }
    }

    @Override
    public void connectionOpened() {
        connections.increment();
    }

    @Override
    public void connectionClosed() {
        connections.decrement();
    }

    @Override
    public void streamStarted() {
        streams.increment();
    }

    @Override
    public void streamEnded() {
        streams.decrement();
    }

    /** All figures now, percentiles computed; cheap enough to take every second. */
    public MetricsSnapshot snapshot() {
        Map<Dimension, Map<String, KeyFigures>> figures = new EnumMap<>(Dimension.class);
        tables.forEach((dimension, table) -> {
            Map<String, KeyFigures> perKey = new HashMap<>();
            table.forEach((key, stats) -> perKey.put(key, stats.figures()));
            figures.put(dimension, perKey);
        });
        return new MetricsSnapshot(clock.instant(), connections.sum(), streams.sum(), total.figures(),
                figures.get(Dimension.ROUTE), figures.get(Dimension.POOL), figures.get(Dimension.ENDPOINT),
                figures.get(Dimension.MODEL), figures.get(Dimension.CONSUMER));
    }

    /**
     * Closes the second that just ended (by the clock) into the time series. Call it once a second
     * ({@link #startSampling} does); a missed second is simply absent from the series, and what
     * happened in it is counted in the next.
     */
    public void sample() {
        series.sample(clock.instant().getEpochSecond() - 1, total, tables);
    }

    /**
     * Samples every second on {@code executor} until the returned future is cancelled, 100 ms past
     * each second of the clock, so that scheduling jitter does not move a sample into the wrong second.
     */
    public ScheduledFuture<?> startSampling(ScheduledExecutorService executor) {
        long firstDelay = 1_100 - clock.millis() % 1_000;
        return executor.scheduleAtFixedRate(this::sample, firstDelay, 1_000, TimeUnit.MILLISECONDS);
    }

    /** The points of {@code filter}'s series that start in [from, to), oldest first; empty for an unknown key. */
    public List<SeriesPoint> series(Resolution resolution, Instant from, Instant to, SeriesFilter filter) {
        requireNonNull(resolution, "resolution");
        requireNonNull(filter, "filter");
        return series.range(resolution, from.getEpochSecond(), to.getEpochSecond(), filter);
    }

    /** Array slots held by all time series rings: fixed per kept key, whatever the traffic or time. */
    long seriesSlots() {
        return series.slots();
    }
}
