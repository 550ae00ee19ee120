package dev.gatehouse.ui.dashboard;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.engine.EngineOptions;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.admin.EmbeddedGatewayControl;
import dev.gatehouse.engine.admin.ServedConfig;
import dev.gatehouse.engine.admin.TrafficRecords;
import dev.gatehouse.engine.config.AiRouteConfig;
import dev.gatehouse.engine.config.ConfigStore;
import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.HealthCheckConfig;
import dev.gatehouse.engine.config.ListenerConfig;
import dev.gatehouse.engine.config.OutlierConfig;
import dev.gatehouse.engine.config.PathMatch;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.config.RouteConfig;
import dev.gatehouse.engine.config.RouteMatch;
import dev.gatehouse.engine.telemetry.Telemetry;
import dev.gatehouse.ui.testing.HandClock;

import org.awaitility.Awaitility;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real engine on 127.0.0.1 port 0 with one AI route ("chat", pool "qwen") to an origin that
 * answers every chat request with 7 prompt and 5 completion tokens, its telemetry on a clock the
 * test moves, and its {@link EmbeddedGatewayControl} as the console uses it.
 */
final class ChatEngine implements AutoCloseable {

    static final int PROMPT_TOKENS = 7;
    static final int COMPLETION_TOKENS = 5;
    static final String ANSWER = """
            {"id":"c1","object":"chat.completion","model":"qwen","choices":[{"index":0,\
            "message":{"role":"assistant","content":"hello"},"finish_reason":"stop"}],\
            "usage":{"prompt_tokens":7,"completion_tokens":5,"total_tokens":12}}""";

    final HandClock clock = new HandClock(Instant.parse("2026-11-25T12:00:00.500Z"));
    final Telemetry telemetry = new Telemetry(clock);
    final HttpServer origin;
    final GatewayEngine engine;
    final EmbeddedGatewayControl control;

    ChatEngine(Path dir) throws Exception {
        origin = origin();
        engine = GatewayEngine.start(config(origin.getAddress().getPort()),
                EngineOptions.defaults().withWorkerThreads(1).withRecords(telemetry).withActivity(telemetry));
        ServedConfig served = ServedConfig.inStore(engine, new ConfigStore(dir.resolve("store")));
        control = new EmbeddedGatewayControl(served, TrafficRecords.withoutLog(telemetry), clock);
    }

    /**
     * Sends {@code count} chat requests one after the other; each must answer 200. Returns once the
     * telemetry has counted them all (a request is recorded just after its answer is sent).
     */
    void send(int count) throws Exception {
        long before = telemetry.snapshot().total().requests();
        send(count, engine.addresses().get(0).getPort());
        Awaitility.await().until(() -> telemetry.snapshot().total().requests() == before + count);
    }

    /** Moves the clock {@code seconds} seconds, closing each second into the time series. */
    void pass(int seconds) {
        for (int i = 0; i < seconds; i++) {
            clock.advance(Duration.ofSeconds(1));
            telemetry.sample();
        }
    }

    @Override
    public void close() {
        engine.close();
        origin.stop(0);
    }

    private static void send(int count, int port) throws Exception {
        String body = "{\"model\":\"qwen\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        try (HttpClient client = HttpClient.newHttpClient()) {
            for (int i = 0; i < count; i++) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            }
        }
    }

    private static GatewayConfig config(int originPort) {
        AiRouteConfig openAi = new AiRouteConfig(null, false, null, null, null, null, null, null, null, null, null);
        RouteConfig route = new RouteConfig("chat", 0,
                new RouteMatch(null, PathMatch.prefix("/v1/"), null, null, null), "qwen", openAi);
        PoolConfig pool = new PoolConfig("qwen", null, List.of(EndpointConfig.of("127.0.0.1", originPort)),
                new HealthCheckConfig(false, null, null, null, null, null),
                new OutlierConfig(false, null, null, null, null, null));
        return new GatewayConfig(List.of(ListenerConfig.of("127.0.0.1", 0)), List.of(route), List.of(pool), null);
    }

    private static HttpServer origin() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] answer = ANSWER.getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return server;
    }
}
