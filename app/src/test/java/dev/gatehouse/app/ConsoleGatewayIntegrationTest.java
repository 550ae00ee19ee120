package dev.gatehouse.app;

import dev.gatehouse.engine.EngineOptions;
import dev.gatehouse.engine.config.ConfigStore;
import dev.gatehouse.engine.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConsoleGatewayIntegrationTest {

    @TempDir
    Path dir;

    private static final HostPort ANY_PORT = new HostPort("127.0.0.1", 0);

    @Test
    void theFirstRunServesTheDemoWithTrafficAndKeepsItOutOfTheConfigDirectory() throws Exception {
        GatehouseHome home = GatehouseHome.under(dir);
        try (ConsoleGateway gateway = ConsoleGateway.start(home, ANY_PORT, EngineOptions.defaults(), System.err)) {
            assertThat(gateway.servesDemo()).isTrue();
            assertThat(gateway.control().config().config().pools()).hasSize(3);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(gateway.control().endpointHealth())
                    .anySatisfy(pool -> assertThat(pool.endpoints()).anySatisfy(
                            e -> assertThat(e.inFlight()).isPositive())));
            assertThat(new ConfigStore(home.config()).current()).isEmpty();
        }
    }

    @Test
    void leavingTheDemoServesAnEmptyConfigThatTheNextRunReopens() throws Exception {
        GatehouseHome home = GatehouseHome.under(dir);
        try (ConsoleGateway gateway = ConsoleGateway.start(home, ANY_PORT, EngineOptions.defaults(), System.err)) {
            var control = gateway.control();

            gateway.useEmptyConfig();

            assertThat(gateway.servesDemo()).isFalse();
            assertThat(control.config().config().pools()).as("the console's control follows").isEmpty();
            assertThat(control.status().running()).isTrue();
            assertThat(control.status().listenAddresses())
                    .containsExactly("127.0.0.1:" + gateway.engine().addresses().get(0).getPort());
        }
        GatewayConfig saved = new ConfigStore(home.config()).current().orElseThrow();
        assertThat(saved.routes()).isEmpty();

        try (ConsoleGateway again = ConsoleGateway.start(home, ANY_PORT, EngineOptions.defaults(), System.err)) {
            assertThat(again.servesDemo()).isFalse();
            assertThat(again.control().config().config().routes()).isEmpty();
        }
    }

    @Test
    void aConfigFileOpenedInTheConsoleIsServedAndItsEditsApplyLive() throws Exception {
        GatehouseHome home = GatehouseHome.under(dir.resolve("home"));
        Path file = dir.resolve("prod.gatehouse");
        Files.writeString(file, routeTo("first"));
        try (ConsoleGateway gateway = ConsoleGateway.servingFile(home, file, ANY_PORT, EngineOptions.defaults(),
                System.out, System.err)) {
            assertThat(gateway.servesDemo()).isFalse();
            assertThat(gateway.control().config().config().routes()).extracting(r -> r.name()).containsExactly("first");

            Files.writeString(file, routeTo("second"));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    gateway.control().config().config().routes()).extracting(r -> r.name()).containsExactly("second"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    new ConfigStore(home.config()).current().orElseThrow().routes())
                    .as("kept in the config directory, as serve --config keeps it")
                    .extracting(r -> r.name()).containsExactly("second"));
        }
    }

    private static String routeTo(String routeName) {
        return """
                {"pools": [{"name": "p", "healthCheck": {"enabled": false}, "endpoints": [{"host": "127.0.0.1", "port": 9}]}],
                 "routes": [{"name": "%s", "pool": "p", "match": {"path": {"kind": "prefix", "value": "/"}}}]}
                """.formatted(routeName);
    }
}
