package dev.gatehouse.engine.telemetry.backend;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NvidiaSmiParserTest {

    @Test
    void readsEachGpuWithNotAvailableFieldsAsUnknown() {
        assertThat(NvidiaSmiParser.parse(Pages.read("nvidia-smi.csv"))).containsExactly(
                new GpuSample(0, "GPU-3c1e9a57-8f0b-6d2e-1a4c-5b7e9d0f2a13", "NVIDIA A100-SXM4-80GB",
                        94.0, 71234.0, 10686.0, 81920.0),
                new GpuSample(1, "GPU-7a2d4c6e-0b1f-4e3a-9c8d-2f5e7a9b1c04", "NVIDIA A100-SXM4-80GB",
                        12.0, 3201.0, 78719.0, 81920.0),
                new GpuSample(2, "GPU-e5b3f1a9-6c2d-4b8e-a07f-3d9c1e5a7b26", "NVIDIA A100-SXM4-80GB",
                        null, 40960.0, 40960.0, 81920.0),
                new GpuSample(3, "GPU-91c7e3b5-2a4f-4d6c-8e0b-7f1a3c5e9d48", "NVIDIA A100-SXM4-80GB",
                        null, null, null, null));
    }

    @Test
    void summaryLeavesOutWhatAGpuDidNotReport() {
        GpuSummary summary = GpuSummary.of(NvidiaSmiParser.parse(Pages.read("nvidia-smi.csv")));

        assertThat(summary).isEqualTo(new GpuSummary(4, 53.0, 94.0, 115395.0, 245760.0));
    }

    @Test
    void skipsWarningsHeadersAndTruncatedLines() {
        String output = """
                index, name, uuid, utilization.gpu [%], memory.used [MiB], memory.total [MiB], memory.free [MiB]
                WARNING: infoROM is corrupted at gpu 0000:07:00.0
                0, Tesla T4, GPU-1, 5, 300, 15360, 15060\r
                1, Tesla T4, GPU-2, 7
                """;

        assertThat(NvidiaSmiParser.parse(output)).extracting(GpuSample::uuid).containsExactly("GPU-1");
    }

    @Test
    void noOutputMeansNoGpus() {
        assertThat(NvidiaSmiParser.parse("")).isEmpty();
        assertThat(NvidiaSmiParser.parse("No devices were found\n")).isEmpty();
    }
}
