package dev.gatehouse.engine.server;

import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.testing.Gateways;
import dev.gatehouse.engine.testing.WebSocketEchoOrigin;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** WebSocket upgrades are carried through: handshake, frames both ways, close. */
class WebSocketIntegrationTest {

    @Test
    void webSocketFramesFlowBothWaysThroughTheGateway() throws Exception {
        try (WebSocketEchoOrigin origin = new WebSocketEchoOrigin();
             GatewayEngine engine = GatewayEngine.start(Gateways.oneRoute(Gateways.pool("ws", origin.address())))) {
            List<String> received = new CopyOnWriteArrayList<>();
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            int port = engine.addresses().get(0).getPort();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            received.add(data.toString());
                            ws.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                            closed.complete(statusCode);
                            return null;
                        }
                    }).get();

            await().atMost(Duration.ofSeconds(5)).until(() -> received.contains("welcome"));
            for (String text : List.of("one", "two", "three")) {
                socket.sendText(text, true).get();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 4);
            assertThat(received).containsExactly("welcome", "echo: one", "echo: two", "echo: three");

            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get();
            assertThat(closed.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);
            await().atMost(Duration.ofSeconds(5)).until(() -> engine.inFlight() == 0);
        }
    }
}
