package dev.gatehouse.engine.telemetry.backend;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The local machine's GPUs as {@code nvidia-smi} last reported them.
 *
 * @param status    whether they could be read
 * @param gpus      one entry per GPU, from the last successful query
 * @param summary   the GPUs in a few figures
 * @param checkedAt when the last query finished, null before the first
 * @param error     why the last query failed, null otherwise
 */
public record LocalGpuReport(LocalGpuStatus status, List<GpuSample> gpus, GpuSummary summary, Instant checkedAt,
                             String error) {

    public static final LocalGpuReport PENDING = new LocalGpuReport(LocalGpuStatus.PENDING, List.of(), GpuSummary.NONE,
            null, null);

    public LocalGpuReport {
        Objects.requireNonNull(status, "status");
        gpus = List.copyOf(gpus);
        Objects.requireNonNull(summary, "summary");
    }

    static LocalGpuReport notPresent(Instant at) {
        return new LocalGpuReport(LocalGpuStatus.NOT_PRESENT, List.of(), GpuSummary.NONE, at, null);
    }

    static LocalGpuReport ok(List<GpuSample> gpus, Instant at) {
        return new LocalGpuReport(LocalGpuStatus.OK, gpus, GpuSummary.of(gpus), at, null);
    }

    /** A failed query; the GPUs of the last good one are kept so the dashboard can still show them. */
    LocalGpuReport failed(String why, Instant at) {
        return new LocalGpuReport(LocalGpuStatus.ERROR, gpus, summary, at, Objects.requireNonNull(why, "why"));
    }
}
