package dev.gatehouse.engine.health;

import com.sun.net.httpserver.HttpServer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP prober against real sockets on loopback. */
class NettyHttpProberIntegrationTest {

    /** Generous: the first probe in a cold JVM loads much of Netty. */
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

    private static HttpServer server;
    private static EventLoopGroup group;
    private static Prober prober;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // GET /status/503 answers 503, and so on.
        server.createContext("/status/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int code = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        server.start();
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        prober = Prober.http(group);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        server.stop(0);
    }

    @ParameterizedTest(name = "status {0} -> healthy = {1}")
    @CsvSource({"200, true", "204, true", "301, false", "404, false", "503, false"})
    void onlyA2xxAnswerIsHealthy(int status, boolean healthy) throws Exception {
        int port = server.getAddress().getPort();

        boolean result = prober.probe("127.0.0.1", port, "/status/" + status, TIMEOUT)
                .get(5, TimeUnit.SECONDS);

        assertThat(result).isEqualTo(healthy);
    }

    @Test
    void refusedConnectionIsUnhealthy() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        boolean result = prober.probe("127.0.0.1", closedPort, "/health", TIMEOUT)
                .get(5, TimeUnit.SECONDS);

        assertThat(result).isFalse();
    }

    @Test
    void serverThatNeverAnswersIsUnhealthyAfterTheTimeout() throws Exception {
        // The kernel completes the connection from the backlog; nobody ever reads or answers.
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();

            boolean result = prober
                    .probe("127.0.0.1", silent.getLocalPort(), "/health", SHORT_TIMEOUT)
                    .get(5, TimeUnit.SECONDS);

            assertThat(result).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isGreaterThanOrEqualTo(SHORT_TIMEOUT.minusMillis(50))
                    .isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void unresolvableHostIsUnhealthy() throws Exception {
        boolean result = prober.probe("no-such-host.invalid", 80, "/health", TIMEOUT)
                .get(5, TimeUnit.SECONDS);

        assertThat(result).isFalse();
    }
}
