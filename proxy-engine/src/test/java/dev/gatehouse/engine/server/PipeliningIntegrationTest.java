package dev.gatehouse.engine.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.EngineOptions;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.sim.LlmBackendSimulator;
import dev.gatehouse.engine.sim.SimulatorOptions;
import dev.gatehouse.engine.testing.Closer;
import dev.gatehouse.engine.testing.Simulators;
import org.junit.jupiter.api.Test;
import dev.gatehouse.engine.testing.Gateways;
import dev.gatehouse.engine.testing.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP/1.1 pipelining: requests written back to back on one connection are answered in order. */
class PipeliningIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Closer closer = new Closer();

    @AfterEach
    void closeAll() throws Exception {
        closer.close();
    }

    private InetSocketAddress gateway(int workerThreads) throws Exception {
        LlmBackendSimulator backend = closer.add(new LlmBackendSimulator(SimulatorOptions.builder().models("m").build()).start());
        GatewayEngine engine = closer.add(GatewayEngine.start(
                Gateways.oneRoute(Gateways.pool("p", new InetSocketAddress("127.0.0.1", backend.port()))),
                EngineOptions.defaults().withWorkerThreads(workerThreads)));
        return engine.addresses().get(0);
    }

    @ParameterizedTest(name = "{0} event loop(s)")
    @ValueSource(ints = {1, 4})
    void slowThenFastRequestGetTheirResponsesInOrder(int workerThreads) throws Exception {
        try (RawHttp raw = new RawHttp(gateway(workerThreads))) {
            raw.send("GET /stream/3?interval_ms=100 HTTP/1.1\r\nHost: gw\r\n\r\n"
                    + "GET /bytes/5 HTTP/1.1\r\nHost: gw\r\n\r\n");

            RawHttp.Response first = raw.readResponse();
            RawHttp.Response second = raw.readResponse();

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.bodyText()).isEqualTo("chunk 0\nchunk 1\nchunk 2\n");
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.bodyText()).hasSize(5);
        }
    }

    @ParameterizedTest(name = "{0} event loop(s)")
    @ValueSource(ints = {1, 4})
    void moreRequestsThanTheQueueHoldsAreAllAnsweredInOrder(int workerThreads) throws Exception {
        int requests = 40;
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < requests; i++) {
            burst.append("GET /echo?n=").append(i).append(" HTTP/1.1\r\nHost: gw\r\n\r\n");
        }
        try (RawHttp raw = new RawHttp(gateway(workerThreads))) {
            raw.send(burst.toString());
            for (int i = 0; i < requests; i++) {
                RawHttp.Response response = raw.readResponse();
                assertThat(response.status()).isEqualTo(200);
                assertThat(JSON.readTree(response.body()).get("uri").asText()).isEqualTo("/echo?n=" + i);
            }
        }
    }

    @Test
    void aRequestTheGatewayAnswersItselfDoesNotHoldUpThoseBehindIt() throws Exception {
        LlmBackendSimulator backend = Simulators.start(closer, SimulatorOptions.builder().models("m"));
        var onlyEcho = new dev.gatehouse.engine.config.RouteConfig("echo", 0, new dev.gatehouse.engine.config.RouteMatch(
                null, dev.gatehouse.engine.config.PathMatch.prefix("/echo"), null, null, null), "p");
        GatewayEngine engine = closer.add(GatewayEngine.start(Gateways.oneRoute(
                Gateways.pool("p", new InetSocketAddress("127.0.0.1", backend.port()))).withRoutes(java.util.List.of(onlyEcho))));
        try (RawHttp raw = new RawHttp(engine.addresses().get(0))) {
            raw.send("GET /echo?n=0 HTTP/1.1\r\nHost: gw\r\n\r\n"
                    + "GET /missing HTTP/1.1\r\nHost: gw\r\n\r\n"
                    + "GET /echo?n=2 HTTP/1.1\r\nHost: gw\r\n\r\n");

            assertThat(raw.readResponse().status()).isEqualTo(200);
            assertThat(raw.readResponse().status()).isEqualTo(404);
            RawHttp.Response third = raw.readResponse();
            assertThat(third.status()).isEqualTo(200);
            assertThat(JSON.readTree(third.body()).get("uri").asText()).isEqualTo("/echo?n=2");
        }
    }
}
