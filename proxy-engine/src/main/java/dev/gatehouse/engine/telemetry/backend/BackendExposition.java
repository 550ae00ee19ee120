package dev.gatehouse.engine.telemetry.backend;

import dev.gatehouse.engine.telemetry.PrometheusRenderer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The scraped backend figures in Prometheus text, so the user's own Prometheus sees the GPU and
 * queue figures Gatehouse balances on. Only known figures are written: an endpoint without
 * metrics, or a GPU that did not report a value, has no sample rather than a zero.
 */
public final class BackendExposition {

    private static final String PREFIX = "gatehouse_backend_";

    private record Family(String name, String help, Function<BackendReading, List<Labelled>> values) {
    }

    private record Labelled(String gpu, Number value) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("gpu_utilization_percent", "GPU utilisation of the endpoint's GPUs (DCGM).",
                    r -> perGpu(r, GpuSample::utilPercent)),
            new Family("gpu_memory_used_mib", "GPU frame buffer in use, MiB (DCGM).",
                    r -> perGpu(r, GpuSample::memoryUsedMib)),
            new Family("gpu_memory_total_mib", "GPU frame buffer size, MiB (DCGM).",
                    r -> perGpu(r, GpuSample::memoryTotalMib)),
            new Family("requests_running", "Requests the inference server is generating (vLLM, SGLang).",
                    r -> one(r.runningRequests())),
            new Family("requests_waiting", "Requests queued in the inference server (vLLM, SGLang).",
                    r -> one(r.waitingRequests())),
            new Family("kv_cache_usage_ratio", "KV cache in use, 0 to 1 (vLLM, SGLang).",
                    r -> one(r.kvCacheUsage())));

    private BackendExposition() {
    }

    /** Appends the backend families of {@code snapshot} to {@code out}. */
    public static void render(BackendMetricsSnapshot snapshot, StringBuilder out) {
        List<BackendSample> scraped = new ArrayList<>();
        snapshot.pools().forEach(pool -> pool.endpoints().stream()
                .filter(e -> e.status() != ScrapeStatus.NO_METRICS).forEach(scraped::add));
        header(out, PREFIX + "scrape_up", "1 when the endpoint's last metrics scrape succeeded and is fresh.");
        for (BackendSample sample : scraped) {
            boolean up = sample.status() == ScrapeStatus.OK && !sample.stale();
            line(out, PREFIX + "scrape_up", sample, null, up ? 1 : 0);
        }
        for (Family family : FAMILIES) {
            header(out, PREFIX + family.name(), family.help());
            for (BackendSample sample : scraped) {
                if (sample.reading() != null && !sample.stale()) {
                    for (Labelled value : family.values().apply(sample.reading())) {
                        line(out, PREFIX + family.name(), sample, value.gpu(), value.value());
                    }
                }
            }
        }
        LocalGpuReport local = snapshot.localGpus();
        if (local.status() == LocalGpuStatus.OK) {
            header(out, "gatehouse_local_gpu_utilization_percent", "Utilisation of this machine's GPUs (nvidia-smi).");
            for (GpuSample gpu : local.gpus()) {
                if (gpu.utilPercent() != null) {
                    out.append("gatehouse_local_gpu_utilization_percent{gpu=\"").append(gpuName(gpu)).append("\"} ")
                            .append(text(gpu.utilPercent())).append('\n');
                }
            }
        }
    }

    private static List<Labelled> perGpu(BackendReading reading, Function<GpuSample, Double> figure) {
        return reading.gpus().stream().filter(g -> figure.apply(g) != null)
                .map(g -> new Labelled(gpuName(g), figure.apply(g))).toList();
    }

    private static List<Labelled> one(Number value) {
        return value == null ? List.of() : List.of(new Labelled(null, value));
    }

    private static String gpuName(GpuSample gpu) {
        return gpu.index() != null ? gpu.index().toString() : gpu.uuid() != null ? gpu.uuid() : "?";
    }

    private static void header(StringBuilder out, String name, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
    }

    private static void line(StringBuilder out, String name, BackendSample sample, String gpu, Number value) {
        out.append(name).append("{pool=\"");
        PrometheusRenderer.escape(sample.pool(), out);
        out.append("\",endpoint=\"");
        PrometheusRenderer.escape(sample.endpoint(), out);
        if (gpu != null) {
            out.append("\",gpu=\"");
            PrometheusRenderer.escape(gpu, out);
        }
        out.append("\"} ").append(text(value)).append('\n');
    }

    private static String text(Number value) {
        double d = value.doubleValue();
        return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
