package dev.gatehouse.engine.server;

import dev.gatehouse.engine.EngineOptions;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.LimitsConfig;
import dev.gatehouse.engine.config.ListenerConfig;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Endpoints named by host name: resolved by Netty's asynchronous DNS resolver (hosts file first),
 * so a name that does not resolve costs its own request a 502, not the event loop's other requests.
 */
class HostNameEndpointIntegrationTest {

    private final Closer closer = new Closer();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void closeAll() throws Exception {
        closer.close();
        client.close();
    }

    @Test
    void aHostNameFromTheHostsFileIsProxiedAndAnUnknownOneAnswers502WithoutHoldingUpTheLoop() throws Exception {
        LlmBackendSimulator backend = closer.add(new LlmBackendSimulator(SimulatorOptions.builder().models("m")
                .baseLatency(Duration.ofMillis(1)).build()).start());
        PoolConfig named = new PoolConfig("named", null, List.of(EndpointConfig.of("localhost", backend.port())),
                Gateways.NO_ACTIVE_CHECKS, Gateways.NO_OUTLIER_DETECTION);
        PoolConfig unknown = new PoolConfig("unknown", null,
                List.of(EndpointConfig.of("no-such-host.gatehouse-test.invalid", backend.port())),
                Gateways.NO_ACTIVE_CHECKS, Gateways.NO_OUTLIER_DETECTION);
        GatewayConfig config = new GatewayConfig(List.of(ListenerConfig.of("127.0.0.1", 0)), List.of(
                new RouteConfig("unknown", 0, new RouteMatch(null, PathMatch.prefix("/unknown/"), null, null, null), "unknown"),
                new RouteConfig("named", 0, new RouteMatch(null, PathMatch.prefix("/echo/"), null, null, null), "named")),
                List.of(named, unknown), LimitsConfig.defaults());
        // One event loop: a resolver that blocked it would hold up every other request too.
        GatewayEngine engine = closer.add(GatewayEngine.start(config, EngineOptions.defaults().withWorkerThreads(1)));
        String base = "http://127.0.0.1:" + engine.addresses().get(0).getPort();

        CompletableFuture<HttpResponse<String>> unresolved = client.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "/unknown/echo")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> viaName = client.send(
                HttpRequest.newBuilder(URI.create(base + "/echo/hello")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(viaName.statusCode()).isEqualTo(200);
        assertThat(viaName.body()).contains("/echo/hello");
        HttpResponse<String> failed = unresolved.get();
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
        assertThat(failed.body()).contains("\"error\"");
    }
}
