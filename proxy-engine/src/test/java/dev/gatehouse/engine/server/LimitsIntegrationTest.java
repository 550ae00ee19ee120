package dev.gatehouse.engine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.config.LimitsConfig;
import dev.gatehouse.engine.sim.LlmBackendSimulator;
import dev.gatehouse.engine.sim.SimulatorOptions;
import dev.gatehouse.engine.testing.Closer;
import dev.gatehouse.engine.testing.Gateways;
import dev.gatehouse.engine.testing.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own request limits as a client meets them on the wire: the status, the JSON
 * error type, and whether the connection stays open.
 */
class LimitsIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 1024;

    private final Closer closer = new Closer();
    private LlmBackendSimulator backend;
    private InetSocketAddress gateway;

    @BeforeEach
    void startGateway() throws Exception {
        backend = closer.add(new LlmBackendSimulator(SimulatorOptions.builder().models("m").build()).start());
        LimitsConfig limits = Gateways.limits(l -> l
                .maxBodyBytes(MAX_BODY)
                .maxHeaderBytes(2048)
                .maxInitialLineBytes(1024)
                .headerReadTimeout(Duration.ofMillis(200))
                .clientIdleTimeout(Duration.ofMillis(400)));
        GatewayEngine engine = closer.add(GatewayEngine.start(Gateways.oneRoute(
                Gateways.pool("p", new InetSocketAddress("127.0.0.1", backend.port())), limits)));
        gateway = engine.addresses().get(0);
    }

    @AfterEach
    void closeAll() throws Exception {
        closer.close();
    }

    @Test
    void declaredBodyOverTheLimitGets413BeforeTheBodyIsSent() throws Exception {
        try (RawHttp raw = new RawHttp(gateway)) {
            // Only the head: if the gateway waited for the gigabyte it announced, this would time out.
            raw.send("POST /echo HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000000000\r\n\r\n");
            RawHttp.Response response = raw.readResponse();

            assertThat(response.status()).isEqualTo(413);
            assertThat(errorType(response)).isEqualTo("payload_too_large");
            assertThat(response.headers()).containsEntry("connection", "close");
            assertThat(raw.closedByServer()).isTrue();
        }
        assertThat(backend.stats().connectionsAccepted()).isZero();
    }

    @Test
    void chunkedBodyGrowingPastTheLimitGets413() throws Exception {
        try (RawHttp raw = new RawHttp(gateway)) {
            raw.send("POST /echo HTTP/1.1\r\nHost: gw\r\nTransfer-Encoding: chunked\r\n\r\n");
            raw.send("200\r\n" + "a".repeat(512) + "\r\n");
            raw.send("200\r\n" + "b".repeat(512) + "\r\n");
            raw.send("1\r\nc\r\n");
            RawHttp.Response response = raw.readResponse();

            assertThat(response.status()).isEqualTo(413);
            assertThat(errorType(response)).isEqualTo("payload_too_large");
            assertThat(raw.closedByServer()).isTrue();
        }
        assertThat(backend.stats().connectionsAccepted()).isZero();
    }

    @Test
    void bodyExactlyAtTheLimitIsForwarded() throws Exception {
        try (RawHttp raw = new RawHttp(gateway)) {
            raw.send("POST /echo HTTP/1.1\r\nHost: gw\r\nContent-Length: " + MAX_BODY + "\r\n\r\n" + "x".repeat(MAX_BODY));
            RawHttp.Response response = raw.readResponse();

            assertThat(response.status()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).get("bodyLength").asInt()).isEqualTo(MAX_BODY);
        }
    }

    @Test
    void chunkedBodyExactlyAtTheLimitIsForwarded() throws Exception {
        try (RawHttp raw = new RawHttp(gateway)) {
            raw.send("POST /echo HTTP/1.1\r\nHost: gw\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "200\r\n" + "a".repeat(512) + "\r\n" + "200\r\n" + "b".repeat(512) + "\r\n0\r\n\r\n");
            RawHttp.Response response = raw.readResponse();

            assertThat(response.status()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).get("bodyLength").asInt()).isEqualTo(MAX_BODY);
        }
    }

    @Test
    void headersOverTheLimitGet431AndTheConnectionCloses() throws Exception {
        try (RawHttp raw = new RawHttp(gateway)) {
            raw.send("GET /echo HTTP/1.1\r\nHost: gw\r\nX-Big: " + "h".repeat(3000) + "\r\n\r\n");
            RawHttp.Response response = raw.readResponse();

            assertThat(response.status()).isEqualTo(431);
            assertThat(errorType(response)).isEqualTo("request_header_fields_too_large");
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void requestLineOverTheLimitGets414() throws Exception {
        try (RawHttp raw = new RawHttp(gateway)) {
            raw.send("GET /echo?q=" + "u".repeat(2000) + " HTTP/1.1\r\nHost: gw\r\n\r\n");
            RawHttp.Response response = raw.readResponse();

            assertThat(response.status()).isEqualTo(414);
            assertThat(errorType(response)).isEqualTo("uri_too_long");
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void headTrickledSlowerThanTheHeaderTimeoutGets408AndClose() throws Exception {
        try (RawHttp raw = new RawHttp(gateway)) {
            long start = System.nanoTime();
            raw.send("GET /echo HTTP/1.1\r\nHost: gw\r\nX-Half: ");
            RawHttp.Response response = raw.readResponse();
            long tookMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(response.status()).isEqualTo(408);
            assertThat(errorType(response)).isEqualTo("request_timeout");
            assertThat(tookMillis).isBetween(150L, 3_000L);
            assertThat(raw.closedByServer()).isTrue();
        }
        assertThat(backend.stats().connectionsAccepted()).isZero();
    }

    @Test
    void idleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (RawHttp raw = new RawHttp(gateway)) {
            raw.send("GET /echo HTTP/1.1\r\nHost: gw\r\n\r\n");
            assertThat(raw.readResponse().status()).isEqualTo(200);
            long idleFrom = System.nanoTime();

            assertThat(raw.closedByServer()).isTrue();
            long idleMillis = (System.nanoTime() - idleFrom) / 1_000_000;
            assertThat(idleMillis).isBetween(300L, 5_000L);
        }
    }

    @Test
    void keepAliveConnectionServesAnotherRequestWithinTheIdleTimeout() throws Exception {
        try (RawHttp raw = new RawHttp(gateway)) {
            for (int i = 0; i < 3; i++) {
                raw.send("GET /echo HTTP/1.1\r\nHost: gw\r\n\r\n");
                assertThat(raw.readResponse().status()).isEqualTo(200);
            }
        }
    }

    private static String errorType(RawHttp.Response response) throws Exception {
        assertThat(response.headers().get("content-type")).startsWith("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.at("/error/code").asInt()).isEqualTo(response.status());
        return body.at("/error/type").asText();
    }
}
