package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.telemetry.backend.BackendReading;
import dev.gatehouse.engine.telemetry.backend.BackendSample;
import dev.gatehouse.engine.telemetry.backend.GpuSummary;
import dev.gatehouse.engine.telemetry.backend.ScrapeStatus;

import static java.util.Objects.requireNonNull;

/**
 * One backend endpoint's GPU gauge: utilisation, memory, running/waiting requests and KV-cache
 * usage. A null figure is unknown (the backend does not expose it, or was never scraped) and is
 * shown as such, never as 0; {@link #hasMetrics()} is false when there is no reading at all.
 */
public record GpuGauge(String pool, String endpoint, ScrapeStatus status, Double utilPercent,
                       Double memoryUsedMib, Double memoryTotalMib, Integer running, Integer waiting,
                       Double kvCacheUsage, String error) {

    public GpuGauge {
        requireNonNull(pool, "pool");
        requireNonNull(endpoint, "endpoint");
        requireNonNull(status, "status");
    }

    /** The gauge of one scraped endpoint; an ERROR sample keeps its last reading (and says it failed). */
    public static GpuGauge of(BackendSample sample) {
        BackendReading reading = sample.reading();
        if (reading == null) {
            return new GpuGauge(sample.pool(), sample.endpoint(), sample.status(), null, null, null, null, null,
                    null, sample.lastError());
        }
        GpuSummary gpus = reading.gpuSummary();
        return new GpuGauge(sample.pool(), sample.endpoint(), sample.status(), gpus.avgUtilPercent(),
                gpus.memoryUsedMib(), gpus.memoryTotalMib(), reading.runningRequests(), reading.waitingRequests(),
                reading.kvCacheUsage(), sample.lastError());
    }

    /** False when the endpoint has no reading: "no metrics" (or "waiting for the first scrape"). */
    public boolean hasMetrics() {
        return utilPercent != null || memoryUsedMib != null || running != null || waiting != null
                || kvCacheUsage != null;
    }

    /** "pool/endpoint", the key alerts are tracked by. */
    public String key() {
        return pool + "/" + endpoint;
    }
}
