package dev.gatehouse.engine.server;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProxyHeadersTest {

    @Test
    void stripsHopByHopHeadersAndThoseNamedByConnection() {
        HttpHeaders headers = new DefaultHttpHeaders()
                .add("Connection", "keep-alive, X-Secret-Hop")
                .add("X-Secret-Hop", "1")
                .add("Keep-Alive", "timeout=5")
                .add("Transfer-Encoding", "chunked")
                .add("Proxy-Authorization", "Basic x")
                .add("Content-Type", "application/json");
        ProxyHeaders.stripHopByHop(headers);
        assertThat(headers.names()).containsExactly("Content-Type");
    }

    @Test
    void appendsClientToForwardedForChain() {
        HttpHeaders fresh = new DefaultHttpHeaders();
        ProxyHeaders.appendForwardedFor(fresh, "10.0.0.7");
        assertThat(fresh.get("X-Forwarded-For")).isEqualTo("10.0.0.7");

        HttpHeaders chained = new DefaultHttpHeaders().add("X-Forwarded-For", "203.0.113.9");
        ProxyHeaders.appendForwardedFor(chained, "10.0.0.7");
        assertThat(chained.get("X-Forwarded-For")).isEqualTo("203.0.113.9, 10.0.0.7");
    }
}
