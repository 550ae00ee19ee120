package dev.gatehouse.engine.health;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.engine.config.HealthCheckConfig;
import dev.gatehouse.engine.config.OutlierConfig;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.gatehouse.engine.health.HealthState.DOWN;
import static dev.gatehouse.engine.health.HealthState.HEALTHY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Real probes over loopback against a JDK HTTP server whose answer the test switches. */
class ActiveHealthCheckerIntegrationTest {

    private final AtomicInteger status = new AtomicInteger(200);
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> changes = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private EventLoopGroup group;
    private ScheduledExecutorService executor;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        executor = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        server.stop(0);
    }

    @Test
    void endpointGoesDownWhileItAnswers503AndComesBackWhenItAnswers200() {
        int port = server.getAddress().getPort();
        String address = "127.0.0.1:" + port;
        ManagedHealth health = ManagedHealth.create(address, OutlierConfig.defaults(), Ticker.system(),
                (endpoint, from, to) -> changes.add(endpoint + " " + from + "->" + to));
        HealthCheckConfig fast = new HealthCheckConfig(
                null, "/health", Duration.ofMillis(50), Duration.ofMillis(500), 3, 2);

        try (ActiveHealthChecker checker = ActiveHealthChecker.start(fast,
                List.of(new CheckTarget("127.0.0.1", port, health)),
                group, NioSocketChannel.class, executor)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> requests.size() >= 2);
            assertThat(health.state()).isEqualTo(HEALTHY);

            status.set(503);
            await().atMost(Duration.ofSeconds(5)).until(() -> health.state() == DOWN);
            assertThat(health.acceptsTraffic()).isFalse();

            status.set(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> health.state() == HEALTHY);
        }

        assertThat(requests).allMatch("GET /health"::equals);
        assertThat(changes).containsExactly(address + " HEALTHY->DOWN", address + " DOWN->HEALTHY");
    }
}
