package dev.gatehouse.engine.telemetry.backend;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A host's GPUs in a few figures: how many, average and highest utilisation, frame buffer used
 * and in total. A figure no GPU reported is null.
 */
public record GpuSummary(int count, Double avgUtilPercent, Double maxUtilPercent,
                         Double memoryUsedMib, Double memoryTotalMib) {

    public static final GpuSummary NONE = new GpuSummary(0, null, null, null, null);

    public GpuSummary {
        if (count < 0) {
            throw new IllegalArgumentException("count: " + count);
        }
    }

    /** Summarises {@code gpus}, skipping the figures each one lacks. */
    public static GpuSummary of(List<GpuSample> gpus) {
        Objects.requireNonNull(gpus, "gpus");
        List<Double> util = known(gpus, GpuSample::utilPercent);
        Double avg = util.isEmpty() ? null : util.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        Double max = util.isEmpty() ? null : util.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return new GpuSummary(gpus.size(), avg, max, sum(known(gpus, GpuSample::memoryUsedMib)),
                sum(known(gpus, GpuSample::memoryTotalMib)));
    }

    private static List<Double> known(List<GpuSample> gpus, Function<GpuSample, Double> figure) {
        return gpus.stream().map(figure).filter(Objects::nonNull).toList();
    }

    private static Double sum(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).sum();
    }
}
