package dev.gatehouse.ui.shell;

import dev.gatehouse.engine.admin.EngineStatus;
import dev.gatehouse.ui.testing.FakeGatewayControl;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.gatehouse.engine.health.HealthState.EJECTED;
import static dev.gatehouse.engine.health.HealthState.HEALTHY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The console window, headless under Monocle, against a fake engine. */
@ExtendWith(ApplicationExtension.class)
class ConsoleWindowTest {

    @TempDir
    static Path state;

    private final FakeGatewayControl engine = new FakeGatewayControl();
    private final List<String> shortcuts = new ArrayList<>();
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        engine.status(new EngineStatus(true, List.of("127.0.0.1:18080"), 4, 1000, 0));
        engine.health(List.of(FakeGatewayControl.pool("qwen", HEALTHY, HEALTHY)));
        List<PageEntry> pages = new ArrayList<>(Pages.all());
        // A page that takes the shortcuts, standing in for the routes editor.
        pages.set(0, new PageEntry(Pages.ROUTES, "Routes & Pools", "fth-share-2", context -> new Page() {
            private final Label node = new Label("routes editor");

            @Override
            public javafx.scene.Node node() {
                return node;
            }

            @Override
            public boolean apply() {
                shortcuts.add("apply");
                return true;
            }

            @Override
            public boolean undo() {
                shortcuts.add("undo");
                return true;
            }
        }));
        window = ConsoleWindow.open(stage, new ConsoleSetup(engine, state, Optional.empty()), pages, "test");
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().hide());
    }

    @Test
    void everySidebarEntryShowsItsPage(FxRobot robot) {
        robot.clickOn("#nav-wizard");
        assertThat(robot.lookup("#page .title-2").queryAs(Label.class).getText()).isEqualTo("Wizard");
        assertThat(robot.lookup("#wizard-title").queryAs(Label.class).getText()).isEqualTo("Credentials and region");

        robot.clickOn("#nav-dashboard");
        assertThat(robot.lookup("#page .title-2").queryAs(Label.class).getText()).isEqualTo("Dashboard");

        robot.clickOn("#nav-logs");
        assertThat(robot.lookup("#page .title-2").queryAs(Label.class).getText()).isEqualTo("Logs");

        robot.clickOn("#nav-settings");
        assertThat(robot.lookup("#page .title-2").queryAs(Label.class).getText()).isEqualTo("Settings");
        assertThat(robot.lookup("#add-profile").tryQuery()).isPresent();

        robot.clickOn("#nav-routes");
        assertThat(robot.lookup("routes editor").tryQuery()).isPresent();
    }

    @Test
    void theStatusBarShowsTheEngineAndAnEjectionPopsUp(FxRobot robot) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(text(robot, "#status-engine")).isEqualTo("Running");
            assertThat(text(robot, "#status-listen")).isEqualTo("127.0.0.1:18080");
            assertThat(text(robot, "#status-version")).isEqualTo("config v4");
        });

        // Polls driven here, besides the 1 Hz ones, so that the healthy baseline is certainly taken first.
        window.model().monitor().pollOnce();
        WaitForAsyncUtils.waitForFxEvents();
        engine.health(List.of(FakeGatewayControl.pool("qwen", HEALTHY, EJECTED)));
        window.model().monitor().pollOnce();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".notification").queryAll()).anySatisfy(
                n -> assertThat(((atlantafx.base.controls.Notification) n).getMessage())
                        .contains("qwen/10.0.0.2:8000 ejected"));
    }

    @Test
    void unsavedChangesShowInTheStatusBarWhenThePageSaysSo(FxRobot robot) {
        assertThat(robot.lookup("#status-unsaved").query().isVisible()).isFalse();

        robot.interact(() -> window.model().status().unsavedChangesProperty().set(true));

        assertThat(robot.lookup("#status-unsaved").query().isVisible()).isTrue();
    }

    @Test
    void ctrlSAndCtrlZGoToThePageShown(FxRobot robot) {
        robot.clickOn("#nav-routes");

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shortcuts).containsExactly("apply", "undo");
    }

    @Test
    void theDarkThemeIsAppliedAndRememberedForTheNextStart(FxRobot robot) {
        robot.clickOn("#nav-settings");
        robot.clickOn("#theme-dark");

        assertThat(Application.getUserAgentStylesheet()).contains("primer-dark");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Files.readString(state.resolve("console-settings.json"))).contains("\"DARK\""));
        robot.clickOn("#theme-light");
        assertThat(Application.getUserAgentStylesheet()).contains("primer-light");
    }

    @Test
    void theLastPageIsRememberedWhenTheWindowCloses(FxRobot robot) throws Exception {
        robot.clickOn("#nav-logs");

        robot.interact(() -> window.stage().hide());

        assertThat(new WindowStateStore(state).load().page()).isEqualTo(Pages.LOGS);
    }

    @Test
    void aCtrlCInTheTerminalSavesTheStateOffTheFxThread(FxRobot robot) throws Exception {
        robot.clickOn("#nav-settings");
        robot.interact(() -> window.stage().setWidth(1111));

        // What the shutdown hook does: the window is still up, the FX thread may be gone.
        Thread hook = Thread.ofPlatform().start(window::saveState);
        hook.join();

        WindowState saved = new WindowStateStore(state).load();
        assertThat(saved.page()).isEqualTo(Pages.SETTINGS);
        assertThat(saved.width()).isEqualTo(1111);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
