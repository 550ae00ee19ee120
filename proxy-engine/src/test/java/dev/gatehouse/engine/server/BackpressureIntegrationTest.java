package dev.gatehouse.engine.server;

import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.testing.Closer;
import dev.gatehouse.engine.testing.Gateways;
import dev.gatehouse.engine.testing.MisbehavingOrigin;
import dev.gatehouse.engine.testing.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that stops reading must stop the upstream too: the gateway buffers a bounded amount,
 * not the whole response, and hands over every byte once the client reads again.
 */
class BackpressureIntegrationTest {

    private static final long RESPONSE_BYTES = 100_000_000L;
    private static final long PLATEAU_LIMIT = 32L * 1024 * 1024;

    private final Closer closer = new Closer();

    @AfterEach
    void closeAll() throws Exception {
        closer.close();
    }

    @Test
    void stalledClientStopsTheUpstreamAndResumingDeliversEveryByte() throws Exception {
        AtomicLong written = new AtomicLong();
        MisbehavingOrigin flood = closer.add(MisbehavingOrigin.start((request, connection) -> {
            connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                    + RESPONSE_BYTES + "\r\n\r\n");
            byte[] block = new byte[64 * 1024];
            Arrays.fill(block, (byte) 'z');
            // Blocking writes: the count stops growing once the socket buffers towards the gateway fill.
            for (long left = RESPONSE_BYTES; left > 0; left -= block.length) {
                int n = (int) Math.min(block.length, left);
                connection.write(n == block.length ? block : Arrays.copyOf(block, n));
                written.addAndGet(n);
            }
        }));
        GatewayEngine engine = closer.add(GatewayEngine.start(Gateways.oneRoute(Gateways.pool("p", flood.address()),
                Gateways.limits(l -> l.upstreamTimeout(Duration.ofSeconds(30))))));
        InetSocketAddress gateway = engine.addresses().get(0);

        try (RawHttp raw = new RawHttp(gateway)) {
            raw.send("GET /flood HTTP/1.1\r\nHost: gw\r\n\r\n");
            RawHttp.Response head = raw.readHead();
            assertThat(head.headers()).containsEntry("content-length", String.valueOf(RESPONSE_BYTES));

            long[] previous = {-1};
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).during(Duration.ofSeconds(1))
                    .until(() -> {
                        long now = written.get();
                        boolean unchanged = now == previous[0];
                        previous[0] = now;
                        return unchanged;
                    });
            assertThat(written.get()).as("bytes the upstream wrote while the client read nothing")
                    .isPositive().isLessThan(PLATEAU_LIMIT);

            long received = raw.discard(RESPONSE_BYTES);
            assertThat(received).isEqualTo(RESPONSE_BYTES);
            assertThat(written.get()).isEqualTo(RESPONSE_BYTES);
        }
    }
}
