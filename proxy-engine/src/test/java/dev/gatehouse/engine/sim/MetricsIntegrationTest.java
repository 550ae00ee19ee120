package dev.gatehouse.engine.sim;

import static dev.gatehouse.engine.sim.SimHttp.chatBody;
import static dev.gatehouse.engine.sim.SimHttp.chatRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsIntegrationTest {

    private LlmBackendSimulator sim;

    @BeforeEach
    void start() {
        sim = new LlmBackendSimulator(SimulatorOptions.builder().models("qwen-72b").gpuCount(2).maxNumSeqs(4)
                .tokensPerSecond(20).timeToFirstToken(Duration.ofMillis(50)).baseLatency(Duration.ZERO)
                .hostname("sim-node-1").build()).start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Map<String, Double> scrape() {
        HttpResponse<String> response = SimHttp.get(sim, "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElseThrow()).contains("version=0.0.4");
        return PrometheusText.parse(response.body());
    }

    @Test
    void exposesDcgmMetricsPerGpuAndVllmMetricsPerModelInWellFormedText() {
        Map<String, Double> samples = scrape();

        for (String name : List.of("DCGM_FI_DEV_GPU_UTIL", "DCGM_FI_DEV_FB_USED", "DCGM_FI_DEV_FB_FREE",
                "DCGM_FI_DEV_GPU_TEMP", "DCGM_FI_DEV_POWER_USAGE")) {
            for (String gpu : List.of("gpu=\"0\"", "gpu=\"1\"")) {
                PrometheusText.value(samples, name, gpu);
            }
        }
        assertThat(samples.keySet()).anySatisfy(key -> assertThat(key).contains("UUID=\"GPU-", "device=\"nvidia1\"",
                "modelName=\"NVIDIA A100-SXM4-80GB\"", "Hostname=\"sim-node-1\""));
        for (String name : List.of("vllm:num_requests_running", "vllm:num_requests_waiting",
                "vllm:kv_cache_usage_perc", "vllm:gpu_cache_usage_perc", "vllm:prompt_tokens_total",
                "vllm:generation_tokens_total", "vllm:time_to_first_token_seconds_count")) {
            PrometheusText.value(samples, name, "model_name=\"qwen-72b\"");
        }
        double used = PrometheusText.value(samples, "DCGM_FI_DEV_FB_USED", "gpu=\"0\"");
        double free = PrometheusText.value(samples, "DCGM_FI_DEV_FB_FREE", "gpu=\"0\"");
        assertThat(used + free).isCloseTo(81_920, org.assertj.core.data.Offset.offset(2.0));
    }

    @Test
    void gpuUtilisationKvCacheAndQueueRiseWithRequestsInFlight() {
        Map<String, Double> idle = scrape();
        // 60 tokens at 20/s keep the first four streams busy for 3 s: long enough for all six
        // requests to arrive on a loaded machine, so "4 running, 2 waiting" holds while we look.
        String body = chatBody("qwen-72b", "Hi", "\"stream\":true,\"max_tokens\":60");

        // Bodies are discarded as they arrive: blocking on a line stream inside a completion stage
        // can stall the shared client's own threads, and with them the other five requests.
        List<CompletableFuture<?>> streams = IntStream.range(0, 6)
                .mapToObj(i -> SimHttp.CLIENT.sendAsync(chatRequest(sim, body), HttpResponse.BodyHandlers.discarding()))
                .<CompletableFuture<?>>map(f -> f)
                .toList();
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.runningRequests() == 4 && sim.waitingRequests() == 2);
        Map<String, Double> busy = scrape();

        assertThat(PrometheusText.value(busy, "DCGM_FI_DEV_GPU_UTIL", "gpu=\"0\""))
                .isGreaterThan(PrometheusText.value(idle, "DCGM_FI_DEV_GPU_UTIL", "gpu=\"0\"") + 50);
        assertThat(PrometheusText.value(busy, "vllm:kv_cache_usage_perc", "qwen-72b"))
                .isGreaterThan(PrometheusText.value(idle, "vllm:kv_cache_usage_perc", "qwen-72b"));
        assertThat(PrometheusText.value(busy, "DCGM_FI_DEV_FB_USED", "gpu=\"1\""))
                .isGreaterThan(PrometheusText.value(idle, "DCGM_FI_DEV_FB_USED", "gpu=\"1\""));
        assertThat(PrometheusText.value(busy, "vllm:num_requests_running", "qwen-72b")).isEqualTo(4);
        assertThat(PrometheusText.value(busy, "vllm:num_requests_waiting", "qwen-72b")).isEqualTo(2);
        CompletableFuture.allOf(streams.toArray(CompletableFuture[]::new)).join();
    }

    @Test
    void tokenCountersMatchTheUsageReported() {
        var usage = SimHttp.json(SimHttp.post(sim, "/v1/chat/completions",
                chatBody("qwen-72b", "Count to seven", "\"max_tokens\":7")).body()).path("usage");

        Map<String, Double> samples = scrape();
        assertThat(PrometheusText.value(samples, "vllm:generation_tokens_total", "qwen-72b")).isEqualTo(7);
        assertThat(PrometheusText.value(samples, "vllm:prompt_tokens_total", "qwen-72b"))
                .isEqualTo(usage.path("prompt_tokens").asDouble());
        assertThat(PrometheusText.value(samples, "vllm:time_to_first_token_seconds_count", "qwen-72b")).isEqualTo(1);
        assertThat(sim.stats().generationTokens()).isEqualTo(7);
        assertThat(sim.stats().promptTokens()).isEqualTo(usage.path("prompt_tokens").asLong());
    }
}
