package dev.gatehouse.ui.dashboard;

import dev.gatehouse.ui.testing.Screenshots;
import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.ui.common.Theme;
import dev.gatehouse.ui.settings.ConsoleSettings;
import dev.gatehouse.ui.settings.SettingsStore;
import dev.gatehouse.ui.settings.SettingsViewModel;
import dev.gatehouse.ui.shell.NotificationsViewModel;
import dev.gatehouse.ui.shell.ShellContext;
import javafx.beans.property.SimpleBooleanProperty;

import eu.hansolo.tilesfx.Tile;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;


import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static dev.gatehouse.ui.dashboard.ChatEngine.PROMPT_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Dashboard page headless against a real engine: after a known load its tiles show the
 * engine's figures. With {@code -Ddashboard.screenshot=file.png} it also saves what it shows.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardPageFxTest {

    private static final int REQUESTS = 120;

    @TempDir
    static Path dir;
    private ChatEngine gateway;
    private ExecutorService background;
    private DashboardPage page;
    private final List<LogQuery> opened = new CopyOnWriteArrayList<>();
    private SettingsViewModel settings;

    @Start
    void start(Stage stage) throws Exception {
        gateway = new ChatEngine(dir.resolve(String.valueOf(System.nanoTime())));
        background = Executors.newVirtualThreadPerTaskExecutor();
        // Built as the shell builds it, so the theme test goes through the settings' listener.
        Path state = dir.resolve("state-" + System.nanoTime());
        settings = new SettingsViewModel(new SettingsStore(state), ConsoleSettings.DEFAULTS, Runnable::run, Runnable::run);
        page = DashboardPage.of(new ShellContext(gateway.control, background, Platform::runLater,
                new SimpleBooleanProperty(), new NotificationsViewModel(gateway.clock), settings, opened::add));
        stage.setScene(new Scene((Parent) page.node(), 1200, 860));
        stage.show();
    }

    @AfterEach
    void stop() {
        Platform.runLater(page::reset);
        background.shutdownNow();
        gateway.close();
    }

    @Test
    void theTilesShowTheEnginesLiveFigures(FxRobot robot) throws Exception {
        // Polled by hand: the page's own 1 Hz timer runs on real time, the engine's telemetry on the test's clock.
        page.viewModel().resume();
        page.viewModel().poll();
        await().until(() -> page.viewModel().headlineProperty().get() != HeadlineFigures.NONE);
        gateway.send(REQUESTS);
        gateway.pass(2);
        page.viewModel().poll();
        await().until(() -> page.viewModel().headlineProperty().get().totalRequests() == REQUESTS);
        WaitForAsyncUtils.waitForFxEvents();

        Tile qps = tile(robot, "Requests per second");
        Tile input = tile(robot, "Input tokens");
        assertThat(qps.getValue()).isEqualTo(REQUESTS / 2.0);
        assertThat(shownTexts(robot, qps)).contains("60.0", "req", "s");
        assertThat(input.getValue()).isEqualTo(PROMPT_TOKENS * REQUESTS / 2.0);
        assertThat(input.getText()).isEqualTo(PROMPT_TOKENS * REQUESTS + " since start");
        Tile gpu = tile(robot, "127.0.0.1:" + gateway.origin.getAddress().getPort());
        assertThat(gpu.getDescription()).isEqualTo("no metrics");

        String screenshot = System.getProperty("dashboard.screenshot");
        if (screenshot != null) {
            save(robot, Path.of(screenshot));
        }
    }

    @Test
    void clickingATileOrARangeOpensTheLogsOnThoseRecords(FxRobot robot) throws Exception {
        page.viewModel().resume();
        gateway.send(20);
        gateway.pass(1);
        page.viewModel().poll();
        await().until(() -> page.viewModel().headlineProperty().get().totalRequests() == 20);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn(tile(robot, "Error rate"));
        robot.clickOn("Last hour");
        robot.clickOn(tile(robot, "Requests per second"));

        assertThat(opened).hasSize(2);
        assertThat(opened.get(0).statusClasses()).containsExactly(4, 5);
        assertThat(opened.get(0).toMillis() - opened.get(0).fromMillis()).isBetween(300_000L, 300_001L);
        assertThat(page.viewModel().selectionProperty().get().range()).isEqualTo(DashboardRange.LAST_HOUR);
        assertThat(opened.get(1).statusClasses()).isEmpty();
        assertThat(opened.get(1).toMillis() - opened.get(1).fromMillis()).isGreaterThanOrEqualTo(3_600_000L);
    }

    @Test
    void clickingALeaderBoardRowOpensTheLogsOfItsModel(FxRobot robot) throws Exception {
        page.viewModel().resume();
        gateway.send(3);
        gateway.pass(1);
        page.viewModel().poll();
        await().until(() -> page.viewModel().topModelsProperty().get().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> ((javafx.scene.control.ScrollPane) page.node()).setVvalue(1)); // the leaders are at the bottom
        Node models = robot.lookup((Node n) -> n instanceof LeaderBoard).query(); // the first board: by model
        robot.clickOn(robot.point(models).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(20, 8)));

        assertThat(opened).singleElement().extracting(LogQuery::model).isEqualTo("qwen");
    }

    @Test
    void newFiguresLayNothingOut(FxRobot robot) throws Exception {
        page.viewModel().resume();
        gateway.send(10);
        gateway.pass(1);
        page.viewModel().poll();
        await().until(() -> page.viewModel().headlineProperty().get().totalRequests() == 10);
        WaitForAsyncUtils.waitForFxEvents(); // the first figures made the legend, the GPU tile and the rows
        AtomicInteger layouts = new AtomicInteger();
        robot.interact(() -> ((Parent) page.node()).needsLayoutProperty().addListener((o, before, now) -> {
            if (now) {
                layouts.incrementAndGet();
            }
        }));

        // A second's new figures: every headline tile, the line, the charts and the leaders change.
        gateway.send(20);
        gateway.pass(1);
        page.viewModel().poll();
        await().until(() -> page.viewModel().headlineProperty().get().totalRequests() == 30);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(tile(robot, "Input tokens").getText()).isEqualTo(PROMPT_TOKENS * 30 + " since start");
        // Under load this happens every second: a layout pass of the whole page would cost the FX thread far more.
        assertThat(layouts).as("layout requests reaching the page").hasValue(0);
    }

    @Test
    void switchingTheThemeRepaintsEveryTile(FxRobot robot) throws Exception {
        page.viewModel().resume();
        gateway.send(5);
        gateway.pass(1);
        page.viewModel().poll();
        await().until(() -> page.viewModel().headlineProperty().get().totalRequests() == 5);
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> {
            Theme.DARK.apply();
            settings.themeProperty().set(Theme.DARK); // what the Settings page does
        });

        for (String title : List.of("Requests per second", "Error rate", "Top models (requests)",
                "127.0.0.1:" + gateway.origin.getAddress().getPort())) {
            assertThat(tile(robot, title).getBackgroundColor()).as(title).isEqualTo(javafx.scene.paint.Color.web("#161b22"));
        }
        String screenshot = System.getProperty("dashboard.screenshot");
        if (screenshot != null) {
            save(robot, Path.of(screenshot.replace(".png", "-dark.png")));
        }
        robot.interact(Theme.LIGHT::apply);
    }

    /** The texts drawn inside {@code tile}. */
    private static List<String> shownTexts(FxRobot robot, Tile tile) {
        return robot.from(tile).lookup((Node n) -> n instanceof Text).<Text>queryAll().stream().map(Text::getText).toList();
    }

    private static Tile tile(FxRobot robot, String title) {
        return robot.lookup((Node n) -> n instanceof Tile t && title.equals(t.getTitle())).query();
    }

    private void save(FxRobot robot, Path file) throws Exception {
        // The whole page, not only what the scroll pane's viewport shows.
        Screenshots.save(robot, ((javafx.scene.control.ScrollPane) page.node()).getContent(), file);
    }
}
