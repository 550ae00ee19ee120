package dev.gatehouse.engine.telemetry;

import dev.gatehouse.engine.accesslog.AccessRecord;

import java.util.function.Function;

/**
 * A way to break the figures down: by route, pool (the upstream cluster), endpoint (the upstream
 * host), model or consumer. A request without a value for one (a plain proxied request has no
 * model) is not counted in it. {@link #label()} is the Prometheus label name.
 */
public enum Dimension {
    ROUTE("route", AccessRecord::route, true),
    POOL("pool", AccessRecord::upstreamCluster, true),
    ENDPOINT("endpoint", AccessRecord::upstreamHost, false),
    MODEL("model", AccessRecord::model, true),
    CONSUMER("consumer", AccessRecord::consumer, true);

    private final String label;
    private final Function<AccessRecord, String> value;
    private final boolean hasSeries;

    Dimension(String label, Function<AccessRecord, String> value, boolean hasSeries) {
        this.label = label;
        this.value = value;
        this.hasSeries = hasSeries;
    }

    public String label() {
        return label;
    }

    /** Whether the dashboard's time series are kept per key of this dimension (not per endpoint). */
    public boolean hasSeries() {
        return hasSeries;
    }

    /** The record's key in this dimension, or null when it has none. */
    String valueOf(AccessRecord record) {
        return value.apply(record);
    }
}
