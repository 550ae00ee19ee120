package dev.gatehouse.engine.server;

import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.sim.LlmBackendSimulator;
import dev.gatehouse.engine.sim.SimulatorOptions;
import dev.gatehouse.engine.testing.Closer;
import dev.gatehouse.engine.testing.Gateways;
import dev.gatehouse.engine.testing.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Shutdown stops taking connections at once and lets a stream in flight finish, up to a deadline. */
class GracefulShutdownIntegrationTest {

    /** 20 tokens at 20 tokens/s: about a second of streaming. */
    private static final String SLOW_STREAM = "{\"model\":\"m\",\"stream\":true,\"max_tokens\":20,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private final Closer closer = new Closer();
    private GatewayEngine engine;
    private InetSocketAddress gateway;

    @BeforeEach
    void startGateway() throws Exception {
        LlmBackendSimulator backend = closer.add(new LlmBackendSimulator(SimulatorOptions.builder().models("m")
                .timeToFirstToken(Duration.ofMillis(20)).tokensPerSecond(20).build()).start());
        engine = closer.add(GatewayEngine.start(Gateways.oneRoute(
                Gateways.pool("p", new InetSocketAddress("127.0.0.1", backend.port())))));
        gateway = engine.addresses().get(0);
    }

    @AfterEach
    void closeAll() throws Exception {
        closer.close();
    }

    @Test
    void inFlightStreamCompletesWhileNewConnectionsAreRefused() throws Exception {
        try (RawHttp raw = startSlowStream()) {
            long start = System.nanoTime();
            CompletableFuture<Void> stopped = engine.shutdown(Duration.ofSeconds(5));

            assertThatThrownBy(() -> new Socket().connect(gateway, 1_000)).isInstanceOf(ConnectException.class);
            String body = new String(raw.readChunkedBody(), StandardCharsets.UTF_8);
            assertThat(body).endsWith("data: [DONE]\n\n");
            assertThat(body.split("\n\n")).as("20 tokens, the finish chunk, [DONE]").hasSize(22);

            stopped.get(5, TimeUnit.SECONDS);
            assertThat((System.nanoTime() - start) / 1_000_000).as("drained once the stream ended").isLessThan(4_000);
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void deadlineShorterThanTheStreamCutsItAndShutdownCompletesAtTheDeadline() throws Exception {
        try (RawHttp raw = startSlowStream()) {
            long start = System.nanoTime();
            CompletableFuture<Void> stopped = engine.shutdown(Duration.ofMillis(300));

            stopped.get(5, TimeUnit.SECONDS);
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(tookMillis).isBetween(250L, 2_500L);
            String rest = raw.readUntilClose();
            assertThat(rest).doesNotContain("[DONE]").doesNotContain("\r\n0\r\n\r\n");
        }
    }

    @Test
    void idleConnectionIsClosedAtOnceAndShutdownCompletesWithoutWaiting() throws Exception {
        try (RawHttp idle = new RawHttp(gateway)) {
            idle.send("GET /echo HTTP/1.1\r\nHost: gw\r\n\r\n");
            assertThat(idle.readResponse().status()).isEqualTo(200);

            engine.shutdown(Duration.ofSeconds(5)).get(2, TimeUnit.SECONDS);
            assertThat(idle.closedByServer()).isTrue();
        }
    }

    /** Sends the slow stream's request and reads its head and first event: the request is in flight. */
    private RawHttp startSlowStream() throws IOException {
        RawHttp raw = new RawHttp(gateway);
        raw.send("POST /v1/chat/completions HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\nContent-Length: "
                + SLOW_STREAM.length() + "\r\n\r\n" + SLOW_STREAM);
        RawHttp.Response head = raw.readHead();
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.headers()).containsEntry("transfer-encoding", "chunked");
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.inFlight() == 1);
        return raw;
    }
}
