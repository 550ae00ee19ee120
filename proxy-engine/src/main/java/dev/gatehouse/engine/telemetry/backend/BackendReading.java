package dev.gatehouse.engine.telemetry.backend;

import java.util.List;
import java.util.Objects;

/**
 * What one scrape of a backend's metrics page says about its load: the exporters recognised, each
 * GPU and their summary (DCGM), and the inference server's queue and KV cache (vLLM, SGLang).
 * A figure the page did not give is null.
 *
 * @param kinds           exporters recognised on the page, in {@link MetricsKind} order
 * @param gpus            one entry per GPU, ordered by index
 * @param gpuSummary      the GPUs in a few figures
 * @param runningRequests requests being generated, summed over the server's engines
 * @param waitingRequests requests queued, summed likewise
 * @param kvCacheUsage    KV cache in use, 0–1, the highest of the server's engines
 */
public record BackendReading(List<MetricsKind> kinds, List<GpuSample> gpus, GpuSummary gpuSummary,
                             Integer runningRequests, Integer waitingRequests, Double kvCacheUsage) {

    public BackendReading {
        kinds = kinds.stream().distinct().sorted().toList();
        gpus = List.copyOf(gpus);
        Objects.requireNonNull(gpuSummary, "gpuSummary");
    }
}
