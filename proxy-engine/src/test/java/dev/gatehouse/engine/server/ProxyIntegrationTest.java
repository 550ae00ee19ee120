package dev.gatehouse.engine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.sim.LlmBackendSimulator;
import dev.gatehouse.engine.sim.SimulatorOptions;
import dev.gatehouse.engine.testing.Closer;
import dev.gatehouse.engine.testing.Gateways;
import dev.gatehouse.engine.testing.Simulators;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The proxy path end to end over loopback: a real client, the gateway, a simulated backend. */
class ProxyIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Closer closer = new Closer();

    @AfterEach
    void closeAll() throws Exception {
        closer.close();
    }

    private LlmBackendSimulator backend(SimulatorOptions.Builder options) {
        return Simulators.start(closer, options);
    }

    private LlmBackendSimulator backend() {
        return backend(SimulatorOptions.builder().models("m").timeToFirstToken(Duration.ofMillis(20))
                .tokensPerSecond(50).baseLatency(Duration.ofMillis(5)));
    }

    private GatewayEngine gateway(GatewayConfig config) throws Exception {
        GatewayEngine engine = GatewayEngine.start(config);
        closer.add(engine);
        return engine;
    }

    private static InetSocketAddress address(LlmBackendSimulator sim) {
        return new InetSocketAddress("127.0.0.1", sim.port());
    }

    private static URI uri(GatewayEngine engine, String path) {
        return URI.create("http://127.0.0.1:" + engine.addresses().get(0).getPort() + path);
    }

    private static String chat(boolean stream) {
        return chat(stream, 12);
    }

    private static String chat(boolean stream, int maxTokens) {
        return "{\"model\":\"m\",\"stream\":" + stream + ",\"max_tokens\":" + maxTokens + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }

    @Test
    void forwardsRequestWithRequestIdForwardedForAndTraceparent() throws Exception {
        GatewayEngine engine = gateway(Gateways.oneRoute(Gateways.pool("p", address(backend()))));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(engine, "/echo/x?q=1"))
                .header("X-Request-Id", "client-id-7")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-request-id")).hasValue("client-id-7");
        JsonNode echoed = JSON.readTree(response.body());
        JsonNode headers = echoed.get("headers");
        assertThat(echoed.get("uri").asText()).isEqualTo("/echo/x?q=1");
        assertThat(header(headers, "x-request-id")).isEqualTo("client-id-7");
        assertThat(header(headers, "x-forwarded-for")).isEqualTo("127.0.0.1");
        assertThat(header(headers, "traceparent")).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
                .doesNotContain("00f067aa0ba902b7");
    }

    private static String header(JsonNode headers, String name) {
        var names = headers.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (n.equalsIgnoreCase(name)) {
                JsonNode v = headers.get(n);
                return v.isArray() ? v.get(0).asText() : v.asText();
            }
        }
        return null;
    }

    @Test
    void nonStreamedCompletionArrivesWhole() throws Exception {
        GatewayEngine engine = gateway(Gateways.oneRoute(Gateways.pool("p", address(backend()))));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(engine, "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(chat(false))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(12);
        assertThat(body.at("/choices/0/message/content").asText()).isNotBlank();
    }

    @Test
    void streamedChunksReachTheClientAsTheyArriveNotAtTheEnd() throws Exception {
        // 50 tokens/s: 24 tokens span ~460 ms upstream; if the gateway buffered, all lines would land at once.
        GatewayEngine engine = gateway(Gateways.oneRoute(Gateways.pool("p", address(backend()))));
        HttpResponse<java.io.InputStream> response = client.send(HttpRequest.newBuilder(uri(engine, "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(chat(true, 24))).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        List<Long> arrivals = new ArrayList<>();
        List<String> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data:")) {
                    arrivals.add(System.nanoTime());
                    events.add(line);
                }
            }
        }
        assertThat(events.get(events.size() - 1)).isEqualTo("data: [DONE]");
        assertThat(events).hasSizeGreaterThanOrEqualTo(25);
        long spreadMillis = (arrivals.get(arrivals.size() - 2) - arrivals.get(0)) / 1_000_000;
        assertThat(spreadMillis).as("time between first and last token at the client").isGreaterThanOrEqualTo(150);
    }

    @Test
    void poolWithNoEndpointAnswers503NamingThePool() throws Exception {
        GatewayEngine engine = gateway(Gateways.oneRoute(Gateways.pool("empty-pool")));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(engine, "/v1/models")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("type").asText()).isEqualTo("no_healthy_upstream");
        assertThat(error.get("message").asText()).contains("\"empty-pool\"");
    }

    @Test
    void unmatchedRequestGets404WithJsonError() throws Exception {
        PoolConfig pool = Gateways.pool("p", address(backend()));
        GatewayConfig config = Gateways.oneRoute(pool);
        var onlyV1 = new dev.gatehouse.engine.config.RouteConfig("v1", 0,
                new dev.gatehouse.engine.config.RouteMatch(null, dev.gatehouse.engine.config.PathMatch.prefix("/v1/"), null, null, null), "p");
        GatewayEngine engine = gateway(config.withRoutes(List.of(onlyV1)));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(engine, "/nothing-here")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).at("/error/type").asText()).isEqualTo("route_not_found");
    }

    @Test
    void refusedEndpointIsSkippedForAHealthyOne() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        InetSocketAddress refusing = new InetSocketAddress("127.0.0.1", closedPort);
        GatewayEngine engine = gateway(Gateways.oneRoute(Gateways.pool("p", refusing, address(backend()))));
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(engine, "/echo")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void onlyRefusingEndpointsGive502() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        GatewayEngine engine = gateway(Gateways.oneRoute(Gateways.pool("p", new InetSocketAddress("127.0.0.1", closedPort))));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(engine, "/echo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(JSON.readTree(response.body()).at("/error/type").asText()).isEqualTo("upstream_connect_failed");
    }

    @Test
    void upstreamErrorStatusPassesThroughUnchanged() throws Exception {
        LlmBackendSimulator failing = backend(SimulatorOptions.builder().models("m").errorRate(1.0));
        GatewayEngine engine = gateway(Gateways.oneRoute(Gateways.pool("p", address(failing))));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(engine, "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(chat(false))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(response.body()).has("error")).isTrue();
    }

    @Test
    void hangingUpstreamGives504AfterTheUpstreamTimeout() throws Exception {
        LlmBackendSimulator hanging = backend(SimulatorOptions.builder().models("m").hangRate(1.0));
        GatewayConfig config = Gateways.oneRoute(Gateways.pool("p", address(hanging)),
                Gateways.limits(l -> l.upstreamTimeout(Duration.ofMillis(300))));
        GatewayEngine engine = gateway(config);
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(engine, "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(chat(false))).build(), HttpResponse.BodyHandlers.ofString());
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(JSON.readTree(response.body()).at("/error/type").asText()).isEqualTo("upstream_timeout");
        assertThat(tookMillis).isBetween(250L, 5_000L);
    }

    @Test
    void keepAliveConnectionsToTheUpstreamAreReused() throws Exception {
        LlmBackendSimulator sim = backend();
        GatewayEngine engine = gateway(Gateways.oneRoute(Gateways.pool("p", address(sim))));
        for (int i = 0; i < 20; i++) {
            assertThat(client.send(HttpRequest.newBuilder(uri(engine, "/bytes/100")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).hasSize(100);
        }
        // One client connection, one event loop: at most one upstream connection is needed.
        assertThat(sim.stats().connectionsAccepted()).isLessThanOrEqualTo(2);
    }

    @Test
    void samePoolEndpointsShareTheLoad() throws Exception {
        LlmBackendSimulator a = backend();
        LlmBackendSimulator b = backend();
        GatewayEngine engine = gateway(Gateways.oneRoute(Gateways.pool("p", address(a), address(b))));
        for (int i = 0; i < 10; i++) {
            client.send(HttpRequest.newBuilder(uri(engine, "/v1/chat/completions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(chat(false))).build(), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(a.stats().requestsReceived()).isEqualTo(5);
        assertThat(b.stats().requestsReceived()).isEqualTo(5);
    }

    static EndpointConfig endpoint(LlmBackendSimulator sim) {
        return EndpointConfig.of("127.0.0.1", sim.port());
    }

    @Test
    void everyRequestLeavesOneRecordWithItsRouteUpstreamAndOutcome() throws Exception {
        LlmBackendSimulator sim = backend();
        List<dev.gatehouse.engine.accesslog.AccessRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        var onlyEcho = new dev.gatehouse.engine.config.RouteConfig("echo", 0,
                new dev.gatehouse.engine.config.RouteMatch(null, dev.gatehouse.engine.config.PathMatch.prefix("/echo"), null, null, null), "p");
        GatewayEngine engine = GatewayEngine.start(Gateways.oneRoute(Gateways.pool("p", address(sim))).withRoutes(List.of(onlyEcho)),
                dev.gatehouse.engine.EngineOptions.defaults().withRecords(records::add));
        closer.add(engine);

        client.send(HttpRequest.newBuilder(uri(engine, "/echo/a?x=1")).header("User-Agent", "records-test/1")
                .header("X-Request-Id", "rec-1").header("X-Forwarded-For", "203.0.113.7").build(),
                HttpResponse.BodyHandlers.ofString());
        client.send(HttpRequest.newBuilder(uri(engine, "/missing")).build(), HttpResponse.BodyHandlers.ofString());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> records.size() == 2);

        // Looked up by path: two records may be handed over in either order.
        var served = records.stream().filter(r -> r.path().equals("/echo/a")).findFirst().orElseThrow();
        assertThat(served.requestId()).isEqualTo("rec-1");
        assertThat(served.path()).isEqualTo("/echo/a");
        assertThat(served.route()).isEqualTo("echo");
        assertThat(served.upstreamCluster()).isEqualTo("p");
        assertThat(served.upstreamHost()).isEqualTo("127.0.0.1:" + sim.port());
        assertThat(served.responseCode()).isEqualTo(200);
        assertThat(served.userAgent()).isEqualTo("records-test/1");
        assertThat(served.bytesSent()).isPositive();
        assertThat(served.api()).isNull();
        assertThat(served.protocol()).isEqualTo("HTTP/1.1");
        assertThat(served.xForwardedFor()).isEqualTo("203.0.113.7");
        assertThat(served.downstreamLocalAddress()).isEqualTo("127.0.0.1:" + engine.addresses().get(0).getPort());
        assertThat(served.downstreamRemoteAddress()).startsWith("127.0.0.1:").isNotEqualTo(served.downstreamLocalAddress());
        assertThat(served.upstreamLocalAddress()).startsWith("127.0.0.1:");
        assertThat(served.requestDurationNanos()).isBetween(0L, served.durationNanos());
        assertThat(served.responseTxNanos()).isBetween(0L, served.durationNanos());
        assertThat(served.upstreamTransportFailureReason()).isNull();
        var refused = records.stream().filter(r -> r.path().equals("/missing")).findFirst().orElseThrow();
        assertThat(refused.responseCode()).isEqualTo(404);
        assertThat(refused.responseCodeDetails()).isEqualTo("route_not_found");
        assertThat(refused.upstreamHost()).isNull();
        assertThat(refused.responseTxNanos()).isEqualTo(-1);
    }

    @Test
    void anUnreachableUpstreamLeavesItsTransportFailureInTheRecord() throws Exception {
        List<dev.gatehouse.engine.accesslog.AccessRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        InetSocketAddress closed;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = new InetSocketAddress("127.0.0.1", socket.getLocalPort());
        }
        GatewayEngine engine = GatewayEngine.start(Gateways.oneRoute(Gateways.pool("p", closed)),
                dev.gatehouse.engine.EngineOptions.defaults().withRecords(records::add));
        closer.add(engine);

        var answer = client.send(HttpRequest.newBuilder(uri(engine, "/x")).build(), HttpResponse.BodyHandlers.ofString());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> records.size() == 1);

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(records.get(0).responseCodeDetails()).isEqualTo("upstream_connect_failed");
        assertThat(records.get(0).upstreamTransportFailureReason()).contains("could not connect").contains("\"p\"");
    }
}
