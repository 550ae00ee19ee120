package dev.gatehouse.engine.telemetry.backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.BinaryOperator;

/**
 * Turns a parsed metrics page into a {@link BackendReading}: DCGM exporter GPU figures per GPU,
 * and the queue and KV cache of vLLM or SGLang. Pages that serve several engines (one per model,
 * or data-parallel ranks) are added up for queues and maxed for KV cache, since the fullest cache
 * is the one that makes new requests wait. Non-finite values count as absent.
 */
public final class MetricsInterpreter {

    static final String DCGM_UTIL = "DCGM_FI_DEV_GPU_UTIL";
    static final String DCGM_FB_USED = "DCGM_FI_DEV_FB_USED";
    static final String DCGM_FB_FREE = "DCGM_FI_DEV_FB_FREE";
    static final String VLLM_RUNNING = "vllm:num_requests_running";
    static final String VLLM_WAITING = "vllm:num_requests_waiting";
    static final String VLLM_KV_CACHE = "vllm:kv_cache_usage_perc";
    /** The name vLLM used before v0.10 for the same gauge. */
    static final String VLLM_KV_CACHE_OLD = "vllm:gpu_cache_usage_perc";
    static final String SGLANG_RUNNING = "sglang:num_running_reqs";
    static final String SGLANG_WAITING = "sglang:num_queue_reqs";
    static final String SGLANG_TOKEN_USAGE = "sglang:token_usage";

    private MetricsInterpreter() {
    }

    public static BackendReading interpret(Exposition page) {
        List<MetricsKind> kinds = new ArrayList<>();
        for (PromSample sample : page.samples()) {
            String name = sample.name();
            MetricsKind kind = name.startsWith("DCGM_FI_") ? MetricsKind.DCGM
                    : name.startsWith("vllm:") ? MetricsKind.VLLM
                    : name.startsWith("sglang:") ? MetricsKind.SGLANG : null;
            if (kind != null && !kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        List<GpuSample> gpus = gpus(page);
        OptionalDouble running = add(combine(page, VLLM_RUNNING, Double::sum), combine(page, SGLANG_RUNNING, Double::sum));
        OptionalDouble waiting = add(combine(page, VLLM_WAITING, Double::sum), combine(page, SGLANG_WAITING, Double::sum));
        OptionalDouble vllmKv = combine(page, VLLM_KV_CACHE, Math::max);
        if (vllmKv.isEmpty()) {
            vllmKv = combine(page, VLLM_KV_CACHE_OLD, Math::max);
        }
        OptionalDouble kv = max(vllmKv, combine(page, SGLANG_TOKEN_USAGE, Math::max));
        return new BackendReading(kinds, gpus, GpuSummary.of(gpus), count(running), count(waiting),
                kv.isPresent() ? kv.getAsDouble() : null);
    }

    /** One entry per GPU, identified by its {@code gpu} index label, else its UUID, else its device. */
    private static List<GpuSample> gpus(Exposition page) {
        Map<String, GpuFigures> byGpu = new LinkedHashMap<>();
        for (PromSample sample : page.samples()) {
            String name = sample.name();
            if (!name.equals(DCGM_UTIL) && !name.equals(DCGM_FB_USED) && !name.equals(DCGM_FB_FREE)) {
                continue;
            }
            String key = firstLabel(sample, "gpu", "UUID", "device");
            GpuFigures gpu = byGpu.computeIfAbsent(key == null ? "" : key, k -> new GpuFigures());
            gpu.describe(sample);
            Double value = Double.isFinite(sample.value()) ? sample.value() : null;
            switch (name) {
                case DCGM_UTIL -> gpu.util = value;
                case DCGM_FB_USED -> gpu.used = value;
                default -> gpu.free = value;
            }
        }
        return byGpu.values().stream().map(GpuFigures::toSample)
                .sorted(Comparator.comparing(GpuSample::index, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    private static String firstLabel(PromSample sample, String... names) {
        for (String name : names) {
            String value = sample.label(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    private static OptionalDouble combine(Exposition page, String name, BinaryOperator<Double> how) {
        return page.samples(name).stream().map(PromSample::value).filter(Double::isFinite)
                .reduce(how).map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    private static OptionalDouble add(OptionalDouble a, OptionalDouble b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isPresent() ? a : b;
        }
        return OptionalDouble.of(a.getAsDouble() + b.getAsDouble());
    }

    private static OptionalDouble max(OptionalDouble a, OptionalDouble b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isPresent() ? a : b;
        }
        return OptionalDouble.of(Math.max(a.getAsDouble(), b.getAsDouble()));
    }

    private static Integer count(OptionalDouble value) {
        return value.isPresent() ? (int) Math.round(Math.max(0, value.getAsDouble())) : null;
    }

    /** The figures of one GPU gathered across the DCGM metric families. */
    private static final class GpuFigures {
        Integer index;
        String uuid;
        String model;
        Double util;
        Double used;
        Double free;

        void describe(PromSample sample) {
            if (index == null && sample.label("gpu") != null) {
                try {
                    index = Math.max(0, Integer.parseInt(sample.label("gpu").strip()));
                } catch (NumberFormatException e) {
                    // A non-numeric gpu label still identifies the GPU; it just has no index.
                }
            }
            uuid = uuid != null ? uuid : sample.label("UUID");
            model = model != null ? model : sample.label("modelName");
        }

        GpuSample toSample() {
            return new GpuSample(index, uuid, model, util, used, free, null);
        }
    }
}
