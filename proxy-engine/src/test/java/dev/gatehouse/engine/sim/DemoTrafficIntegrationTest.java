package dev.gatehouse.engine.sim;

import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.testing.Closer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class DemoTrafficIntegrationTest {

    @Test
    void reachesEveryDemoPoolThroughTheGatewayAndSomeRequestsFail() throws Exception {
        try (Closer closer = new Closer()) {
            DemoEnvironment demo = closer.add(DemoEnvironment.start("127.0.0.1", 0));
            GatewayEngine engine = closer.add(GatewayEngine.start(demo.config()));
            InetSocketAddress address = engine.addresses().get(0);
            DemoTraffic traffic = closer.add(DemoTraffic.start(
                    URI.create("http://127.0.0.1:" + address.getPort()), 40, 7));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (String model : new String[] {DemoEnvironment.QWEN, DemoEnvironment.LLAMA, DemoEnvironment.DEEPSEEK}) {
                    assertThat(demo.pool(model).stream().mapToLong(s -> s.stats().requestsReceived()).sum())
                            .as("requests reaching %s", model).isPositive();
                }
                assertThat(traffic.answered(200)).isGreaterThanOrEqualTo(10);
                assertThat(traffic.answered(404)).as("requests for a model no route serves").isPositive();
            });
            assertThat(traffic.sent()).isGreaterThanOrEqualTo(traffic.answered(200) + traffic.answered(404));
        }
    }

    @Test
    void refusesARateItCannotMean() {
        assertThatThrownBy(() -> DemoTraffic.start(URI.create("http://127.0.0.1:1"), 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("perSecond");
    }
}
