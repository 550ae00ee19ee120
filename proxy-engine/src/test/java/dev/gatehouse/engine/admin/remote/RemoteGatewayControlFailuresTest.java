package dev.gatehouse.engine.admin.remote;

import dev.gatehouse.engine.admin.ControlException;
import dev.gatehouse.engine.admin.ControlException.Kind;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What the remote control reports when there is no admin API to answer it, or something else answers. */
class RemoteGatewayControlFailuresTest {

    private HttpServer other;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (other != null) {
            other.stop(0);
        }
    }

    @Test
    void nobodyListeningIsUnavailableNamingTheAddress() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (RemoteGatewayControl control = new RemoteGatewayControl(URI.create("http://127.0.0.1:" + closedPort), "t")) {
            ControlException e = catchThrowableOfType(ControlException.class, control::status);

            assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("127.0.0.1:" + closedPort);
        }
    }

    @Test
    void anErrorPageFromAnotherServerKeepsItsStatusAndText() throws Exception {
        URI base = otherServer(502, "Bad Gateway from a proxy");
        try (RemoteGatewayControl control = new RemoteGatewayControl(base, "t")) {
            ControlException e = catchThrowableOfType(ControlException.class, control::versions);

            assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("HTTP 502").contains("Bad Gateway from a proxy");
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutAsUnavailable() throws Exception {
        URI base = otherServer(-1, "");
        try (RemoteGatewayControl control = new RemoteGatewayControl(base, "t", Duration.ofSeconds(1), Duration.ofMillis(300))) {
            ControlException e = catchThrowableOfType(ControlException.class, control::status);

            assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        }
    }

    /** A plain HTTP server answering every request with {@code status} and {@code text}; -1 never answers. */
    private URI otherServer(int status, String text) throws Exception {
        other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            if (status < 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        other.start();
        return URI.create("http://127.0.0.1:" + other.getAddress().getPort());
    }
}
