package dev.gatehouse.engine.telemetry;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The gateway's figures at one moment, as the dashboard and {@code /metrics} show them: the live
 * gauges, all traffic, and the same figures per route, pool, endpoint, model and consumer (keys
 * past the bound on each are counted together under {@code other}). Immutable; maps are sorted by key.
 */
public record MetricsSnapshot(Instant takenAt, long activeConnections, long activeStreams, KeyFigures total,
                              Map<String, KeyFigures> routes, Map<String, KeyFigures> pools,
                              Map<String, KeyFigures> endpoints, Map<String, KeyFigures> models,
                              Map<String, KeyFigures> consumers) {

    public MetricsSnapshot {
        requireNonNull(takenAt, "takenAt");
        requireNonNull(total, "total");
        routes = sorted(routes);
        pools = sorted(pools);
        endpoints = sorted(endpoints);
        models = sorted(models);
        consumers = sorted(consumers);
    }

    /** The figures per key of {@code dimension}. */
    public Map<String, KeyFigures> by(Dimension dimension) {
        return switch (dimension) {
            case ROUTE -> routes;
            case POOL -> pools;
            case ENDPOINT -> endpoints;
            case MODEL -> models;
            case CONSUMER -> consumers;
        };
    }

    private static Map<String, KeyFigures> sorted(Map<String, KeyFigures> figures) {
        return Collections.unmodifiableMap(new TreeMap<>(requireNonNull(figures)));
    }
}
