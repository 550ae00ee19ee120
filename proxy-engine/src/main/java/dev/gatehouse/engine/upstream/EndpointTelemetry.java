package dev.gatehouse.engine.upstream;

/**
 * Backend figures that GPU-aware balancing reads: GPU utilisation in percent (0–100), the
 * observed average latency in milliseconds, and, where the inference server exposes them,
 * KV-cache usage (0–1) and running/waiting requests. {@code NaN} / -1 mean "not known".
 * Filled by the backend metrics scraper; tests set it directly.
 */
public record EndpointTelemetry(
        double gpuUtilPercent,
        double avgLatencyMillis,
        double kvCacheUsage,
        int runningRequests,
        int waitingRequests,
        long sampledAtNanos) {

    public static final EndpointTelemetry NONE =
            new EndpointTelemetry(Double.NaN, Double.NaN, Double.NaN, -1, -1, 0);

    public static EndpointTelemetry of(double gpuUtilPercent, double avgLatencyMillis) {
        return new EndpointTelemetry(gpuUtilPercent, avgLatencyMillis, Double.NaN, -1, -1, 0);
    }

    public boolean hasGpuUtil() {
        return !Double.isNaN(gpuUtilPercent);
    }

    public boolean hasLatency() {
        return !Double.isNaN(avgLatencyMillis);
    }
}
