package dev.gatehouse.engine.telemetry.backend;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One sample line of a Prometheus text exposition: metric name, labels in the order written,
 * value (which may be {@code NaN} or infinite) and the optional timestamp in milliseconds.
 */
public record PromSample(String name, Map<String, String> labels, double value, Long timestampMillis) {

    public PromSample {
        Objects.requireNonNull(name, "name");
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(labels, "labels")));
    }

    /** The value of label {@code name}, or null when the sample does not carry it. */
    public String label(String labelName) {
        return labels.get(labelName);
    }
}
