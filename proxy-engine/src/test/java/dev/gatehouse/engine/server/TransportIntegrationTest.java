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
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Each socket transport carries the whole proxy path: accepted client connections, upstream
 * connections on the same event loop, the DNS resolver's datagram channel (the upstream is named
 * by host name) and a simulator run on the transport's own event loops. The native ones are
 * skipped where they do not load (not Linux, or io_uring disabled by the kernel).
 */
class TransportIntegrationTest {

    private final Closer closer = new Closer();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void closeAll() throws Exception {
        closer.close();
        client.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"io_uring", "epoll", "nio"})
    void aGatewayOnTheTransportProxiesABodyAndAStream(String name) throws Exception {
        Transport transport = loadable(name);
        EventLoopGroup simulatorLoops = transport.newGroup(1, "sim-" + name);
        closer.add(() -> simulatorLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly());
        LlmBackendSimulator backend = closer.add(new LlmBackendSimulator(SimulatorOptions.builder().models("m")
                .eventLoopGroup(simulatorLoops).timeToFirstToken(Duration.ofMillis(5)).tokensPerSecond(500)
                .build()).start());
        GatewayEngine engine = closer.add(GatewayEngine.start(byHostName(backend.port()),
                EngineOptions.defaults().withTransport(transport).withWorkerThreads(2)));
        String base = "http://127.0.0.1:" + engine.addresses().get(0).getPort();

        HttpResponse<String> echoed = client.send(HttpRequest.newBuilder(URI.create(base + "/echo/x"))
                        .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("b".repeat(100_000))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> streamed = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"stream\":true,\"max_tokens\":5,"
                                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(echoed.statusCode()).isEqualTo(200);
        assertThat(echoed.body()).contains("\"bodyLength\":100000");
        assertThat(streamed.statusCode()).isEqualTo(200);
        assertThat(streamed.body().lines().filter(line -> line.startsWith("data:")).toList())
                .hasSize(7).last().isEqualTo("data: [DONE]");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"io_uring", "epoll", "nio"})
    void aGroupIsRecognisedAsRunningItsTransport(String name) {
        EventLoopGroup group = loadable(name).newGroup(1, "of-" + name);
        try {
            assertThat(Transport.of(group).name()).isEqualTo(name);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void anUnknownTransportNameIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> Transport.named("kqueue"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gatehouse.transport").hasMessageContaining("io_uring, epoll or nio");
    }

    private static Transport loadable(String name) {
        assumeTrue(switch (name) {
            case "io_uring" -> IoUring.isAvailable();
            case "epoll" -> Epoll.isAvailable();
            default -> true;
        }, name + " does not load here");
        return Transport.named(name);
    }

    private static GatewayConfig byHostName(int port) {
        PoolConfig pool = new PoolConfig("p", null, List.of(EndpointConfig.of("localhost", port)),
                Gateways.NO_ACTIVE_CHECKS, Gateways.NO_OUTLIER_DETECTION);
        return new GatewayConfig(List.of(ListenerConfig.of("127.0.0.1", 0)),
                List.of(new RouteConfig("all", 0, new RouteMatch(null, PathMatch.prefix("/"), null, null, null), "p")),
                List.of(pool), LimitsConfig.defaults());
    }
}
