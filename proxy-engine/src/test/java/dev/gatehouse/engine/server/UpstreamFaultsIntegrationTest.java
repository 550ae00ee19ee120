package dev.gatehouse.engine.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.testing.Closer;
import dev.gatehouse.engine.testing.Gateways;
import dev.gatehouse.engine.testing.MisbehavingOrigin;
import dev.gatehouse.engine.testing.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a client sees when the upstream misbehaves, and that the gateway stays usable after. */
class UpstreamFaultsIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GET_CUT = "GET /cut HTTP/1.1\r\nHost: gw\r\n\r\n";
    private static final String GET_OK = "GET /ok HTTP/1.1\r\nHost: gw\r\n\r\n";

    private final Closer closer = new Closer();

    @AfterEach
    void closeAll() throws Exception {
        closer.close();
    }

    private InetSocketAddress gatewayTo(MisbehavingOrigin origin) throws Exception {
        GatewayEngine engine = closer.add(GatewayEngine.start(Gateways.oneRoute(Gateways.pool("p", origin.address()),
                Gateways.limits(l -> l.upstreamTimeout(Duration.ofMillis(400))))));
        return engine.addresses().get(0);
    }

    private MisbehavingOrigin origin(MisbehavingOrigin.Behaviour behaviour) throws IOException {
        return closer.add(MisbehavingOrigin.start(behaviour));
    }

    @Test
    void upstreamClosingInsteadOfAnsweringGives502UpstreamReset() throws Exception {
        MisbehavingOrigin origin = origin((request, connection) -> connection.close());
        InetSocketAddress gateway = gatewayTo(origin);

        RawHttp.Response response = exchange(gateway, GET_OK);

        assertThat(response.status()).isEqualTo(502);
        assertThat(JSON.readTree(response.body()).at("/error/type").asText()).isEqualTo("upstream_reset");
        assertThat(origin.requestsReceived()).isEqualTo(1);
    }

    @Test
    void upstreamResettingInsteadOfAnsweringGives502UpstreamReset() throws Exception {
        MisbehavingOrigin origin = origin((request, connection) -> connection.reset());
        InetSocketAddress gateway = gatewayTo(origin);

        RawHttp.Response response = exchange(gateway, GET_OK);

        assertThat(response.status()).isEqualTo(502);
        assertThat(JSON.readTree(response.body()).at("/error/type").asText()).isEqualTo("upstream_reset");
    }

    @Test
    void upstreamSendingNoHeadGives504UpstreamTimeout() throws Exception {
        MisbehavingOrigin origin = origin((request, connection) -> connection.awaitPeerClose());
        InetSocketAddress gateway = gatewayTo(origin);

        RawHttp.Response response = exchange(gateway, GET_OK);

        assertThat(response.status()).isEqualTo(504);
        assertThat(JSON.readTree(response.body()).at("/error/type").asText()).isEqualTo("upstream_timeout");
    }

    @Test
    void streamStallingMidBodyClosesTheClientConnection() throws Exception {
        MisbehavingOrigin origin = origin((request, connection) -> {
            connection.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
            connection.write("f\r\ndata: token 1\n\n\r\n");
            connection.awaitPeerClose();
        });
        InetSocketAddress gateway = gatewayTo(origin);

        try (RawHttp raw = new RawHttp(gateway)) {
            raw.send(GET_OK);
            assertThat(raw.readHead().status()).isEqualTo(200);
            long start = System.nanoTime();
            String rest = raw.readUntilClose();
            long tookMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(rest).contains("data: token 1").doesNotContain("\r\n0\r\n");
            assertThat(tookMillis).as("closed after the upstream timeout, not never").isBetween(200L, 5_000L);
        }
    }

    @Test
    void upstreamClosingMidStreamCutsTheResponseAndTheNextRequestSucceeds() throws Exception {
        MisbehavingOrigin origin = origin((request, connection) -> {
            if (request.target().equals("/cut")) {
                connection.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + "x".repeat(40));
                connection.close();
            } else {
                connection.respond(200, "fine");
            }
        });
        InetSocketAddress gateway = gatewayTo(origin);

        try (RawHttp raw = new RawHttp(gateway)) {
            raw.send(GET_CUT);
            assertThatThrownBy(raw::readResponse).isInstanceOf(EOFException.class).hasMessageContaining("40 of 100");
        }
        RawHttp.Response next = exchange(gateway, GET_OK);
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.bodyText()).isEqualTo("fine");
    }

    @Test
    void chunkedStreamCutByTheUpstreamEndsWithoutTheLastChunk() throws Exception {
        MisbehavingOrigin origin = origin((request, connection) -> {
            connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
            connection.reset();
        });
        InetSocketAddress gateway = gatewayTo(origin);

        try (RawHttp raw = new RawHttp(gateway)) {
            raw.send(GET_CUT);
            assertThat(raw.readHead().status()).isEqualTo(200);
            String rest = raw.readUntilClose();
            assertThat(rest).contains("hello").doesNotContain("\r\n0\r\n");
        }
    }

    @Test
    void upstream5xxPassesThroughWithItsBody() throws Exception {
        MisbehavingOrigin origin = origin((request, connection) -> connection.respond(503, "{\"busy\":true}"));
        InetSocketAddress gateway = gatewayTo(origin);

        RawHttp.Response response = exchange(gateway, GET_OK);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.bodyText()).isEqualTo("{\"busy\":true}");
        assertThat(response.headers()).containsEntry("x-origin", "misbehaving");
    }

    @Test
    void pooledConnectionClosedByTheUpstreamWhileIdleIsNotUsedAgain() throws Exception {
        MisbehavingOrigin origin = origin((request, connection) -> {
            // Answers as if keeping the connection, then closes it: an upstream keep-alive timeout.
            connection.respond(200, "conn " + connection.number());
            connection.close();
        });
        InetSocketAddress gateway = gatewayTo(origin);

        // One client connection: both requests run on its event loop and so share its upstream pool.
        try (RawHttp raw = new RawHttp(gateway)) {
            assertThat(raw.send(GET_OK).readResponse().bodyText()).isEqualTo("conn 0");
            RawHttp.Response second = raw.send(GET_OK).readResponse();
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.bodyText()).isEqualTo("conn 1");
        }
    }

    @Test
    void pooledConnectionClosedAsTheNextRequestArrivesIsRetriedOnAFreshOne() throws Exception {
        MisbehavingOrigin origin = origin((request, connection) -> {
            if (request.index() == 0) {
                connection.respond(200, "conn " + connection.number());
            } else {
                // The request crossed the upstream's keep-alive close on the wire.
                connection.close();
            }
        });
        InetSocketAddress gateway = gatewayTo(origin);

        try (RawHttp raw = new RawHttp(gateway)) {
            assertThat(raw.send(GET_OK).readResponse().bodyText()).isEqualTo("conn 0");
            RawHttp.Response second = raw.send(GET_OK).readResponse();

            assertThat(second.status()).isEqualTo(200);
            assertThat(second.bodyText()).isEqualTo("conn 1");
        }
        assertThat(origin.requestsReceived()).as("the first connection saw the second request").isEqualTo(3);
    }

    @Test
    void malformedChunkMidBodyCutsTheResponseInsteadOfEndingItCleanly() throws Exception {
        MisbehavingOrigin origin = origin((request, connection) -> {
            if (request.target().equals("/cut")) {
                connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nnot-hex\r\n");
                connection.awaitPeerClose();
            } else {
                connection.respond(200, "conn " + connection.number());
            }
        });
        InetSocketAddress gateway = gatewayTo(origin);

        try (RawHttp raw = new RawHttp(gateway)) {
            raw.send(GET_CUT);
            assertThat(raw.readHead().status()).isEqualTo(200);
            String rest = raw.readUntilClose();
            assertThat(rest).contains("hello").doesNotContain("\r\n0\r\n");
        }
        try (RawHttp raw = new RawHttp(gateway)) {
            RawHttp.Response next = raw.send(GET_OK).readResponse();
            assertThat(next.bodyText()).as("the broken connection was not pooled").isEqualTo("conn 1");
        }
    }

    private static RawHttp.Response exchange(InetSocketAddress gateway, String request) throws IOException {
        try (RawHttp raw = new RawHttp(gateway)) {
            return raw.send(request).readResponse();
        }
    }
}
