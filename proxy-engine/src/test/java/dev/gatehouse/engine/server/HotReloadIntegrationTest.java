package dev.gatehouse.engine.server;

import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.config.BalancerConfig;
import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.PathMatch;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.config.RouteConfig;
import dev.gatehouse.engine.config.RouteMatch;
import dev.gatehouse.engine.sim.LlmBackendSimulator;
import dev.gatehouse.engine.sim.SimulatorOptions;
import dev.gatehouse.engine.testing.Closer;
import dev.gatehouse.engine.testing.Gateways;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A config applied while many SSE streams are mid-flight: none is disturbed, new requests follow it. */
class HotReloadIntegrationTest {

    private static final int STREAMS = 100;
    private static final int TOKENS = 40;
    /** Every token, the finish chunk and {@code [DONE]}. */
    private static final int EVENTS = TOKENS + 2;

    private final Closer closer = new Closer();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void closeAll() throws Exception {
        closer.close();
        client.close();
    }

    private LlmBackendSimulator backend() {
        // 40 tokens at 20 tokens/s: each stream lasts about two seconds.
        return closer.add(new LlmBackendSimulator(SimulatorOptions.builder().models("m")
                .timeToFirstToken(Duration.ofMillis(20)).tokensPerSecond(20).baseLatency(Duration.ofMillis(5))
                .maxNumSeqs(STREAMS + 10).build()).start());
    }

    @Test
    void hundredStreamsSurviveAReloadThatMovesTheirRouteAndNewRequestsFollowTheNewConfig() throws Exception {
        LlmBackendSimulator a = backend();
        LlmBackendSimulator b = backend();
        PoolConfig poolA = Gateways.pool("a", address(a));
        GatewayEngine engine = closer.add(GatewayEngine.start(Gateways.oneRoute(poolA)));
        URI chat = URI.create("http://127.0.0.1:" + engine.addresses().get(0).getPort() + "/v1/chat/completions");

        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        ExecutorService readers = closer.add(Executors.newVirtualThreadPerTaskExecutor());
        List<Future<List<String>>> streams = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            streams.add(readers.submit(() -> readEvents(chat, Map.of(), started, finished)));
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(started).hasValue(STREAMS));
        assertThat(finished).as("streams already over when the reload came").hasValue(0);

        // The catch-all route moves to pool b; a new, higher-priority route keeps pool a (reweighted)
        // for premium traffic.
        PoolConfig reweightedA = poolA.withEndpoints(List.of(new EndpointConfig("127.0.0.1", a.port(), 50, null)));
        PoolConfig poolB = Gateways.pool("b", address(b));
        RouteConfig premium = new RouteConfig("premium", 10,
                new RouteMatch(null, PathMatch.prefix("/"), null, Map.of("x-tier", "premium"), null), "a");
        RouteConfig all = new RouteConfig("all", 0, new RouteMatch(null, PathMatch.prefix("/"), null, null, null), "b");
        GatewayConfig reloaded = engine.config().withPools(List.of(reweightedA, poolB)).withRoutes(List.of(premium, all));
        engine.apply(reloaded);
        assertThat(finished).as("streams over before the reload was applied").hasValue(0);

        for (Future<List<String>> stream : streams) {
            List<String> events = stream.get(20, TimeUnit.SECONDS);
            assertThat(events).hasSize(EVENTS);
            assertThat(events.get(EVENTS - 1)).isEqualTo("data: [DONE]");
        }
        assertThat(a.stats().requestsCompleted()).isEqualTo(STREAMS);
        assertThat(b.stats().requestsReceived()).isZero();

        assertThat(readEvents(chat, Map.of(), started, finished)).hasSize(EVENTS);
        assertThat(b.stats().requestsReceived()).as("the moved catch-all route").isEqualTo(1);
        assertThat(readEvents(chat, Map.of("x-tier", "premium"), started, finished)).hasSize(EVENTS);
        assertThat(a.stats().requestsReceived()).as("the new premium route").isEqualTo(STREAMS + 1);
    }

    /** Streams one chat completion and returns its SSE data lines. */
    private List<String> readEvents(URI chat, Map<String, String> headers, AtomicInteger started,
                                    AtomicInteger finished) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(chat).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"stream\":true,\"max_tokens\":" + TOKENS
                        + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
        headers.forEach(request::header);
        HttpResponse<java.io.InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data:")) {
                    if (events.isEmpty()) {
                        started.incrementAndGet();
                    }
                    events.add(line);
                }
            }
        }
        finished.incrementAndGet();
        return events;
    }

    private static InetSocketAddress address(LlmBackendSimulator sim) {
        return new InetSocketAddress("127.0.0.1", sim.port());
    }
}
