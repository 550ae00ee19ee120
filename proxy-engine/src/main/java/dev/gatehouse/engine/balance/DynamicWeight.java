package dev.gatehouse.engine.balance;

/**
 * The GPU- and latency-aware weight of seed 001 §2.2, generalised from a base of 100 to the
 * endpoint's configured weight:
 * <pre>
 * new_weight = base * (1 - min(gpu_util / 100, 0.7)) * (1 - latency_ms / 2000)
 * weight     = max(floor, int(new_weight))        floor = base / 10, at least 1
 * </pre>
 * With base 100 this is the seed's formula exactly, floor 10 included.
 */
final class DynamicWeight {

    /** GPU load beyond 70% reduces the weight no further: a hot endpoint keeps 30%. */
    static final double MAX_GPU_PENALTY = 0.7;
    /** At this latency the latency factor reaches 0, so the weight drops to the floor. */
    static final double ZERO_WEIGHT_LATENCY_MILLIS = 2000;

    private DynamicWeight() {
    }

    /**
     * The weight for an endpoint of configured weight {@code base}. An unknown ({@code NaN}) input
     * leaves its factor at 1, so an endpoint without telemetry keeps its configured weight.
     */
    static int compute(int base, double gpuUtilPercent, double latencyMillis) {
        double gpuFactor = Double.isNaN(gpuUtilPercent)
                ? 1
                : 1 - Math.min(Math.max(0, gpuUtilPercent) / 100, MAX_GPU_PENALTY);
        double latencyFactor = Double.isNaN(latencyMillis)
                ? 1
                : 1 - Math.max(0, latencyMillis) / ZERO_WEIGHT_LATENCY_MILLIS;
        // Same operation order as the seed's Python, so the doubles (and the truncation) agree.
        double weight = base * gpuFactor * latencyFactor;
        return Math.max(floor(base), (int) weight);
    }

    /**
     * The seed's floor of 10 is a tenth of its base of 100; scaling it keeps that meaning for other
     * weights, where a fixed 10 would leave a weight-10 endpoint unpenalised.
     */
    static int floor(int base) {
        return Math.max(1, base / 10);
    }
}
