package dev.gatehouse.engine.telemetry.backend;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a Prometheus text exposition held: its samples in order, the declared {@code # TYPE} of
 * each metric family, how many lines were skipped as malformed and the first few reasons why.
 */
public record Exposition(List<PromSample> samples, Map<String, String> types, int skippedLines,
                         List<String> problems) {

    public Exposition {
        samples = List.copyOf(Objects.requireNonNull(samples, "samples"));
        types = Map.copyOf(Objects.requireNonNull(types, "types"));
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        if (skippedLines < 0) {
            throw new IllegalArgumentException("skippedLines: " + skippedLines);
        }
    }

    /** The samples of metric {@code name}, in the order they appeared. */
    public List<PromSample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }
}
