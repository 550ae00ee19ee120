package dev.gatehouse.app;

import dev.gatehouse.engine.EngineOptions;
import dev.gatehouse.ui.shell.ConsoleSetup;
import dev.gatehouse.ui.shell.ConsoleWindow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The console on a real embedded engine (first run, so the demo), headless under Monocle. */
@ExtendWith(ApplicationExtension.class)
class ConsoleIntegrationTest {

    @TempDir
    static Path dir;

    private static ConsoleGateway gateway;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) throws Exception {
        if (gateway == null) {
            gateway = ConsoleGateway.start(GatehouseHome.under(dir), new HostPort("127.0.0.1", 0), EngineOptions.defaults(), System.err);
        }
        window = ConsoleWindow.open(stage, new ConsoleSetup(gateway.control(), GatehouseHome.under(dir).state(),
                gateway.servesDemo() ? Optional.of(gateway::useEmptyConfig) : Optional.empty()), "test");
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(() -> window.stage().hide());
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void theStatusBarShowsTheRunningEngineAndWhereItListens(FxRobot robot) {
        InetSocketAddress address = gateway.engine().addresses().get(0);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(text(robot, "#status-engine")).isEqualTo("Running");
            assertThat(text(robot, "#status-listen")).isEqualTo("127.0.0.1:" + address.getPort());
            assertThat(text(robot, "#status-version")).isEqualTo("config v" + gateway.engine().snapshot().version());
        });
    }

    @Test
    void theFirstRunBannerSwitchesToAnEmptyConfig(FxRobot robot) {
        Node banner = robot.lookup("#demo-banner").query();
        assertThat(banner.isVisible()).isTrue();

        robot.clickOn("#use-empty-config");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(banner.isVisible()).isFalse();
            assertThat(gateway.engine().config().pools()).isEmpty();
        });
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
