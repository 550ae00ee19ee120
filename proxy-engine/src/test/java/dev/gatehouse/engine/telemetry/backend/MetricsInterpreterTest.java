package dev.gatehouse.engine.telemetry.backend;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricsInterpreterTest {

    private static BackendReading read(String text) {
        return MetricsInterpreter.interpret(PromTextParser.parse(text));
    }

    @Test
    void dcgmExporterPageGivesEachGpuAndTheirSummary() {
        BackendReading reading = read(Pages.read("dcgm-exporter.txt"));

        assertThat(reading.kinds()).containsExactly(MetricsKind.DCGM);
        assertThat(reading.gpus()).containsExactly(
                new GpuSample(0, "GPU-5fd4ed2c-2b53-4c1b-9e33-0a2f3c8b9d11", "NVIDIA H100 80GB HBM3",
                        87.0, 77004.0, 4105.0, 81109.0),
                new GpuSample(1, "GPU-a1b07d5e-6c3f-48a2-b0f4-77e19d2c3e45", "NVIDIA H100 80GB HBM3",
                        91.0, 76992.0, 4117.0, 81109.0));
        assertThat(reading.gpuSummary()).isEqualTo(new GpuSummary(2, 89.0, 91.0, 153996.0, 162218.0));
        assertThat(reading.runningRequests()).isNull();
        assertThat(reading.waitingRequests()).isNull();
        assertThat(reading.kvCacheUsage()).isNull();
    }

    @Test
    void vllmPageGivesQueueAndKvCache() {
        BackendReading reading = read(Pages.read("vllm.txt"));

        assertThat(reading.kinds()).containsExactly(MetricsKind.VLLM);
        assertThat(reading.runningRequests()).isEqualTo(14);
        assertThat(reading.waitingRequests()).isEqualTo(3);
        assertThat(reading.kvCacheUsage()).isCloseTo(0.673177, within(1e-6));
        assertThat(reading.gpus()).isEmpty();
        assertThat(reading.gpuSummary()).isEqualTo(GpuSummary.NONE);
    }

    @Test
    void olderVllmPagesGiveKvCacheUnderItsFormerName() {
        BackendReading reading = read(Pages.read("vllm-v0.txt"));

        assertThat(reading.kvCacheUsage()).isEqualTo(0.21875);
        assertThat(reading.runningRequests()).isEqualTo(5);
        assertThat(reading.waitingRequests()).isZero();
    }

    @Test
    void theCurrentKvCacheNameWinsWhenBothAreServed() {
        BackendReading reading = read("vllm:gpu_cache_usage_perc 0.9\nvllm:kv_cache_usage_perc 0.3\n");

        assertThat(reading.kvCacheUsage()).isEqualTo(0.3);
    }

    @Test
    void sglangDataParallelRanksAreAddedUpAndTheFullestCacheCounts() {
        BackendReading reading = read(Pages.read("sglang.txt"));

        assertThat(reading.kinds()).containsExactly(MetricsKind.SGLANG);
        assertThat(reading.runningRequests()).isEqualTo(41);
        assertThat(reading.waitingRequests()).isEqualTo(6);
        assertThat(reading.kvCacheUsage()).isEqualTo(0.54);
    }

    @Test
    void aSidecarExporterNextToTheInferenceServerGivesBoth() {
        BackendReading reading = read(Pages.read("vllm.txt") + Pages.read("dcgm-exporter.txt"));

        assertThat(reading.kinds()).containsExactly(MetricsKind.DCGM, MetricsKind.VLLM);
        assertThat(reading.gpuSummary().count()).isEqualTo(2);
        assertThat(reading.runningRequests()).isEqualTo(14);
    }

    @Test
    void nonFiniteValuesCountAsUnknownNotAsZero() {
        BackendReading reading = read("""
                vllm:num_requests_running{model_name="a"} NaN
                vllm:kv_cache_usage_perc{model_name="a"} +Inf
                DCGM_FI_DEV_GPU_UTIL{gpu="0"} NaN
                DCGM_FI_DEV_FB_USED{gpu="0"} 100
                """);

        assertThat(reading.kinds()).containsExactly(MetricsKind.DCGM, MetricsKind.VLLM);
        assertThat(reading.runningRequests()).isNull();
        assertThat(reading.kvCacheUsage()).isNull();
        assertThat(reading.gpus()).singleElement().satisfies(gpu -> {
            assertThat(gpu.utilPercent()).isNull();
            assertThat(gpu.memoryUsedMib()).isEqualTo(100.0);
            assertThat(gpu.memoryTotalMib()).isNull();
        });
        assertThat(reading.gpuSummary().avgUtilPercent()).isNull();
    }

    @Test
    void gpusWithoutAnIndexLabelAreToldApartByUuidAndListedLast() {
        BackendReading reading = read("""
                DCGM_FI_DEV_GPU_UTIL{UUID="GPU-b"} 20
                DCGM_FI_DEV_GPU_UTIL{gpu="1",UUID="GPU-c"} 30
                DCGM_FI_DEV_GPU_UTIL{UUID="GPU-a"} 10
                DCGM_FI_DEV_GPU_UTIL{gpu="0",UUID="GPU-d"} 40
                """);

        assertThat(reading.gpus()).extracting(GpuSample::uuid).containsExactly("GPU-d", "GPU-c", "GPU-b", "GPU-a");
        assertThat(reading.gpuSummary().avgUtilPercent()).isEqualTo(25.0);
        assertThat(reading.gpuSummary().maxUtilPercent()).isEqualTo(40.0);
    }

    @Test
    void aPageOfOtherMetricsIsRecognisedAsNone() {
        BackendReading reading = read("node_load1 0.5\nprocess_cpu_seconds_total 12\n");

        assertThat(reading.kinds()).isEmpty();
        assertThat(reading.gpus()).isEmpty();
        assertThat(reading.runningRequests()).isNull();
    }
}
