package dev.gatehouse.engine.sim;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Renders {@code /metrics} in the Prometheus text format 0.0.4: DCGM exporter GPU metrics per
 * simulated GPU and vLLM engine metrics. GPU load follows the requests in flight, with a little
 * jitter, so that GPU-aware balancing has something real to react to.
 */
final class MetricsRenderer {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final String GPU_MODEL = "NVIDIA A100-SXM4-80GB";
    static final double FB_TOTAL_MIB = 81_920;
    /** Model weights and activations held whatever the load, as a fraction of frame buffer. */
    static final double FB_STATIC_FRACTION = 0.45;

    private final String modelName;
    private final String hostname;
    private final String[] gpuUuids;
    private final int maxNumSeqs;
    private final SplittableRandom jitter;

    MetricsRenderer(String modelName, String hostname, int gpuCount, int maxNumSeqs, long seed) {
        this.modelName = modelName;
        this.hostname = hostname;
        this.maxNumSeqs = maxNumSeqs;
        this.jitter = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        SplittableRandom ids = new SplittableRandom(seed);
        this.gpuUuids = new String[gpuCount];
        for (int i = 0; i < gpuCount; i++) {
            gpuUuids[i] = "GPU-" + new UUID(ids.nextLong(), ids.nextLong());
        }
    }

    /** GPU utilisation in percent for this many running requests, before jitter. */
    static double utilization(int running) {
        return Math.min(100, 3 + 18.0 * running);
    }

    /** KV cache usage 0-1: each running sequence holds its share of the cache. */
    double kvCacheUsage(int running) {
        return Math.min(1.0, 0.01 + 0.95 * running / maxNumSeqs);
    }

    synchronized String render(int running, int waiting, SimulatorStats stats) {
        StringBuilder out = new StringBuilder(4096);
        double kv = kvCacheUsage(running);
        double[] util = new double[gpuUuids.length];
        for (int i = 0; i < util.length; i++) {
            util[i] = clamp(utilization(running) + jitter.nextDouble(-1.5, 1.5), 0, 100);
        }
        gpu(out, "DCGM_FI_DEV_GPU_UTIL", "GPU utilization (in %).", i -> Math.round(util[i]));
        double usedMib = FB_TOTAL_MIB * (FB_STATIC_FRACTION + (1 - FB_STATIC_FRACTION - 0.05) * kv);
        gpu(out, "DCGM_FI_DEV_FB_FREE", "Framebuffer memory free (in MiB).", i -> Math.round(FB_TOTAL_MIB - usedMib));
        gpu(out, "DCGM_FI_DEV_FB_USED", "Framebuffer memory used (in MiB).", i -> Math.round(usedMib));
        gpu(out, "DCGM_FI_DEV_GPU_TEMP", "GPU temperature (in C).", i -> Math.round(33 + 0.42 * util[i]));
        gpu(out, "DCGM_FI_DEV_POWER_USAGE", "Power draw (in W).", i -> round(62 + 3.3 * util[i] + jitter.nextDouble(0, 4)));

        String model = "model_name=\"" + escape(modelName) + "\"";
        gauge(out, "vllm:num_requests_running", "Number of requests in model execution batches.", model, running);
        gauge(out, "vllm:num_requests_waiting", "Number of requests waiting to be processed.", model, waiting);
        gauge(out, "vllm:kv_cache_usage_perc", "KV-cache usage. 1 means 100 percent usage.", model, round(kv));
        gauge(out, "vllm:gpu_cache_usage_perc", "GPU KV-cache usage. 1 means 100 percent usage.", model, round(kv));
        counter(out, "vllm:prompt_tokens_total", "Number of prefill tokens processed.", model, stats.promptTokens());
        counter(out, "vllm:generation_tokens_total", "Number of generation tokens processed.", model, stats.generationTokens());
        counter(out, "vllm:request_success_total", "Count of successfully processed requests.", model, stats.requestsCompleted());
        ttftHistogram(out, model, stats);
        return out.toString();
    }

    private interface PerGpu {
        Object value(int gpu);
    }

    private void gpu(StringBuilder out, String name, String help, PerGpu value) {
        header(out, name, help, "gauge");
        for (int i = 0; i < gpuUuids.length; i++) {
            out.append(name).append("{gpu=\"").append(i).append("\",UUID=\"").append(gpuUuids[i])
                    .append("\",pci_bus_id=\"00000000:").append(String.format(Locale.ROOT, "%02X", 0x10 + i))
                    .append(":00.0\",device=\"nvidia").append(i).append("\",modelName=\"").append(GPU_MODEL)
                    .append("\",Hostname=\"").append(escape(hostname)).append("\"} ")
                    .append(value.value(i)).append('\n');
        }
    }

    private static void gauge(StringBuilder out, String name, String help, String labels, Object value) {
        header(out, name, help, "gauge");
        out.append(name).append('{').append(labels).append("} ").append(value).append('\n');
    }

    private static void counter(StringBuilder out, String name, String help, String labels, long value) {
        header(out, name, help, "counter");
        out.append(name).append('{').append(labels).append("} ").append(value).append('\n');
    }

    private static void ttftHistogram(StringBuilder out, String labels, SimulatorStats stats) {
        String name = "vllm:time_to_first_token_seconds";
        header(out, name, "Histogram of time to first token in seconds.", "histogram");
        for (int i = 0; i < SimulatorStats.TTFT_BUCKETS.length; i++) {
            out.append(name).append("_bucket{").append(labels).append(",le=\"")
                    .append(SimulatorStats.TTFT_BUCKETS[i]).append("\"} ").append(stats.ttftCumulative(i)).append('\n');
        }
        long count = stats.ttftCount();
        out.append(name).append("_bucket{").append(labels).append(",le=\"+Inf\"} ").append(count).append('\n');
        out.append(name).append("_sum{").append(labels).append("} ").append(round(stats.ttftSumSeconds())).append('\n');
        out.append(name).append("_count{").append(labels).append("} ").append(count).append('\n');
    }

    private static void header(StringBuilder out, String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000d;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
