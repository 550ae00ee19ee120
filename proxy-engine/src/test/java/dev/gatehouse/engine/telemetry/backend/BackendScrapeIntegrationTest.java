package dev.gatehouse.engine.telemetry.backend;

import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.config.BalancerConfig;
import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.sim.LlmBackendSimulator;
import dev.gatehouse.engine.sim.SimulatorOptions;
import dev.gatehouse.engine.testing.Closer;
import dev.gatehouse.engine.testing.Gateways;
import dev.gatehouse.engine.testing.MisbehavingOrigin;
import dev.gatehouse.engine.testing.Simulators;
import dev.gatehouse.engine.upstream.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The engine scraping simulated backends on loopback, and balancing on what it scraped. */
class BackendScrapeIntegrationTest {

    private static final Duration INTERVAL = Duration.ofMillis(100);
    private static final String COMPLETION = "{\"model\":\"m\",\"max_tokens\":2,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String LONG_STREAM = "{\"model\":\"m\",\"stream\":true,\"max_tokens\":5000,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"tell me a long story\"}]}";

    private final Closer closer = new Closer();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void close() throws Exception {
        closer.close();
    }

    private LlmBackendSimulator simulator(int gpus) {
        // Slow decoding keeps directly opened streams running for the whole test: that is the load.
        return Simulators.start(closer, SimulatorOptions.builder().models("m").gpuCount(gpus).maxNumSeqs(64)
                .tokensPerSecond(5).baseLatency(Duration.ZERO).timeToFirstToken(Duration.ZERO));
    }

    private static EndpointConfig endpoint(LlmBackendSimulator sim, String metricsUrl) {
        return new EndpointConfig("127.0.0.1", sim.port(), null, metricsUrl);
    }

    private static PoolConfig pool(BalancerConfig.Strategy strategy, EndpointConfig... endpoints) {
        return new PoolConfig("gpu", BalancerConfig.of(strategy), List.of(endpoints), Gateways.NO_ACTIVE_CHECKS,
                Gateways.NO_OUTLIER_DETECTION, null, INTERVAL);
    }

    private GatewayEngine engine(PoolConfig pool) throws Exception {
        return closer.add(GatewayEngine.start(Gateways.oneRoute(pool)));
    }

    private static BackendSample sample(GatewayEngine engine, LlmBackendSimulator sim) {
        return engine.backendMetrics().endpoint("gpu", "127.0.0.1:" + sim.port()).orElseThrow();
    }

    /** Opens {@code count} long streams straight to {@code sim}, bypassing the gateway. */
    private void load(LlmBackendSimulator sim, int count) {
        HttpClient loader = HttpClient.newHttpClient();
        closer.add(loader::shutdownNow);
        for (int i = 0; i < count; i++) {
            loader.sendAsync(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v1/chat/completions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(LONG_STREAM)).build(), HttpResponse.BodyHandlers.discarding());
        }
        await().until(() -> sim.runningRequests() == count);
    }

    private int completionThroughGateway(GatewayEngine engine) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.addresses().get(0).getPort()
                        + "/v1/chat/completions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(COMPLETION)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void samplesShowEachGpuAndTheQueueAndFollowTheLoad() throws Exception {
        LlmBackendSimulator sim = simulator(2);
        LlmBackendSimulator plain = simulator(1);
        GatewayEngine engine = engine(pool(BalancerConfig.Strategy.ROUND_ROBIN,
                endpoint(sim, sim.baseUrl() + "/metrics"), endpoint(plain, null)));

        await().until(() -> sample(engine, sim).status() == ScrapeStatus.OK);
        BackendReading idle = sample(engine, sim).reading();
        assertThat(idle.kinds()).containsExactly(MetricsKind.DCGM, MetricsKind.VLLM);
        assertThat(idle.gpus()).hasSize(2).allSatisfy(gpu -> {
            assertThat(gpu.model()).isEqualTo("NVIDIA A100-SXM4-80GB");
            assertThat(gpu.utilPercent()).isBetween(0.0, 5.0);
            assertThat(gpu.memoryTotalMib()).isEqualTo(81_920.0);
        });
        assertThat(idle.runningRequests()).isZero();
        assertThat(sample(engine, plain).status()).isEqualTo(ScrapeStatus.NO_METRICS);
        // Whatever this machine has, the engine has looked: NOT_PRESENT without nvidia-smi.
        await().until(() -> engine.backendMetrics().localGpus().status() != LocalGpuStatus.PENDING);

        load(sim, 4);

        // 4 running: 3% + 18% each, give or take the simulator's 1.5% jitter; KV 0.01 + 0.95 * 4/64.
        await().untilAsserted(() -> {
            BackendReading busy = sample(engine, sim).reading();
            assertThat(busy.runningRequests()).isEqualTo(4);
            assertThat(busy.gpuSummary().avgUtilPercent()).isBetween(73.0, 77.0);
            assertThat(busy.kvCacheUsage()).isBetween(0.069, 0.070);
        });
        Endpoint endpoint = engine.snapshot().pool("gpu").endpoints().get(0);
        assertThat(endpoint.telemetry().runningRequests()).isEqualTo(4);
        assertThat(endpoint.telemetry().gpuUtilPercent()).isBetween(73.0, 77.0);
    }

    @Test
    void dynamicWeightingShiftsTrafficAwayFromTheBusyBackendOnceSamplesArrive() throws Exception {
        LlmBackendSimulator busy = simulator(1);
        LlmBackendSimulator idle = simulator(1);
        load(busy, 5);
        GatewayEngine engine = engine(pool(BalancerConfig.Strategy.DYNAMIC_WEIGHT, endpoint(busy, null), endpoint(idle, null)));
        long busyBefore = busy.stats().requestsReceived();
        for (int i = 0; i < 40; i++) {
            assertThat(completionThroughGateway(engine)).isEqualTo(200);
        }
        assertThat(busy.stats().requestsReceived() - busyBefore).as("without samples: an even split").isEqualTo(20);

        engine.apply(Gateways.oneRoute(pool(BalancerConfig.Strategy.DYNAMIC_WEIGHT,
                endpoint(busy, busy.baseUrl() + "/metrics"), endpoint(idle, idle.baseUrl() + "/metrics"))));
        List<Endpoint> endpoints = engine.snapshot().pool("gpu").endpoints();
        await().until(() -> endpoints.get(0).telemetry().gpuUtilPercent() > 80
                && endpoints.get(1).telemetry().gpuUtilPercent() < 10);
        busyBefore = busy.stats().requestsReceived();
        long idleBefore = idle.stats().requestsReceived();
        for (int i = 0; i < 100; i++) {
            assertThat(completionThroughGateway(engine)).isEqualTo(200);
        }

        // Weights about 30 (GPU at 93%) against about 97: roughly a quarter of the traffic.
        long toBusy = busy.stats().requestsReceived() - busyBefore;
        long toIdle = idle.stats().requestsReceived() - idleBefore;
        assertThat(toBusy + toIdle).isEqualTo(100);
        assertThat(toBusy).isBetween(10L, 35L);
    }

    @Test
    void brokenMetricsPagesLeaveTheEndpointsServingAndSayWhatIsWrong() throws Exception {
        MisbehavingOrigin metrics = closer.add(MisbehavingOrigin.start((request, connection) -> {
            switch (request.target()) {
                case "/hang" -> connection.awaitPeerClose();
                case "/garbage" -> connection.respond(200, "<html><body>It works!</body></html>\n");
                default -> connection.respond(404, "not found\n");
            }
        }));
        String base = "http://127.0.0.1:" + metrics.address().getPort();
        LlmBackendSimulator hangs = simulator(1);
        LlmBackendSimulator missing = simulator(1);
        LlmBackendSimulator garbage = simulator(1);
        GatewayEngine engine = engine(pool(BalancerConfig.Strategy.ROUND_ROBIN, endpoint(hangs, base + "/hang"),
                endpoint(missing, base + "/metrics"), endpoint(garbage, base + "/garbage")));

        await().untilAsserted(() -> {
            assertThat(sample(engine, hangs).lastError()).isEqualTo("no answer within 50 ms");
            assertThat(sample(engine, missing).lastError()).isEqualTo("HTTP 404 Not Found");
            assertThat(sample(engine, garbage).lastError()).startsWith("no DCGM, vLLM or SGLang metrics on the page");
        });
        for (LlmBackendSimulator sim : List.of(hangs, missing, garbage)) {
            assertThat(sample(engine, sim).status()).isEqualTo(ScrapeStatus.ERROR);
            assertThat(sample(engine, sim).reading()).isNull();
        }
        for (int i = 0; i < 6; i++) {
            assertThat(completionThroughGateway(engine)).isEqualTo(200);
        }
        assertThat(List.of(hangs, missing, garbage)).allSatisfy(sim -> assertThat(sim.stats().requestsCompleted()).isEqualTo(2));
    }

    @Test
    void aReloadKeepsTheSamplesOfEndpointsThatStay() throws Exception {
        LlmBackendSimulator first = simulator(1);
        LlmBackendSimulator second = simulator(1);
        PoolConfig pool = pool(BalancerConfig.Strategy.ROUND_ROBIN, endpoint(first, first.baseUrl() + "/metrics"));
        GatewayEngine engine = engine(pool);
        await().until(() -> sample(engine, first).status() == ScrapeStatus.OK);

        GatewayConfig bigger = Gateways.oneRoute(pool.withEndpoints(List.of(endpoint(first, first.baseUrl() + "/metrics"),
                endpoint(second, second.baseUrl() + "/metrics"))));
        engine.apply(bigger);

        assertThat(sample(engine, first).status()).isEqualTo(ScrapeStatus.OK);
        assertThat(sample(engine, first).reading()).isNotNull();
        await().until(() -> sample(engine, second).status() == ScrapeStatus.OK);
        assertThat(engine.backendMetrics().pools()).singleElement()
                .satisfies(p -> assertThat(p.endpoints()).hasSize(2));
    }
}
