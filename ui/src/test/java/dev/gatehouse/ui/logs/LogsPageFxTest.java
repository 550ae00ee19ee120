package dev.gatehouse.ui.logs;

import dev.gatehouse.ui.testing.Screenshots;
import dev.gatehouse.engine.accesslog.query.ExportFormat;
import dev.gatehouse.engine.accesslog.query.LogEntry;
import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.ui.common.Theme;
import dev.gatehouse.ui.testing.HandClock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;


import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
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

import static dev.gatehouse.ui.testing.FxLookup.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The log explorer headless over a real store of known records: the user filters by model and
 * status, opens a record, copies it as curl and exports; what the screen and the file show is
 * compared with the database. With {@code -Dlogs.screenshot=file.png} it also saves the page in
 * the light ({@code file.png}) and dark ({@code file-dark.png}) themes.
 */
@ExtendWith(ApplicationExtension.class)
class LogsPageFxTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    static Path dir;
    private LogEngine gateway;
    private ExecutorService background;
    private LogsPage page;
    private final AtomicReference<String> clipboard = new AtomicReference<>();

    @Start
    void start(Stage stage) throws Exception {
        Path here = dir.resolve(String.valueOf(System.nanoTime()));
        HandClock clock = new HandClock(NOW);
        gateway = new LogEngine(here, clock);
        gateway.write(SampleRecords.over(NOW.minusSeconds(30), Duration.ofSeconds(150), 500));
        background = Executors.newVirtualThreadPerTaskExecutor();
        LogsViewModel model = new LogsViewModel(gateway.control, new SavedQueries(here.resolve("state")), background,
                Platform::runLater, clock);
        ExportTarget target = format -> Optional.of(here.resolve(format == ExportFormat.CSV ? "out.csv" : "out.jsonl"));
        page = new LogsPage(model, target, clipboard::set);
        Theme.LIGHT.apply();
        Scene scene = new Scene((Parent) page.node(), 1100, 800);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
        page.shown();
    }

    @AfterEach
    void stop() throws Exception {
        Platform.runLater(page::reset);
        background.shutdownNow();
        gateway.close();
    }

    @Test
    void filterByModelAndStatusOpenARecordAndExportIt(FxRobot robot) throws Exception {
        awaitRows(robot, gateway.requestIds("1 = 1").subList(0, LogsViewModel.PAGE_SIZE));

        robot.clickOn(robot.lookup(id("model")).queryAs(Node.class)).write("deepseek-v3").type(KeyCode.ENTER);
        robot.clickOn(robot.lookup(id("status-5xx")).queryAs(Node.class));

        List<String> expected = gateway.requestIds("model = ? AND response_code >= 500", "deepseek-v3");
        assertThat(expected).hasSizeGreaterThan(3);
        awaitRows(robot, expected);
        assertThat(robot.lookup((Node n) -> n instanceof Label l && "Model: deepseek-v3".equals(l.getText())).tryQuery())
                .isPresent();
        assertThat(robot.lookup((Node n) -> n instanceof Label l && "Status: 5xx".equals(l.getText())).tryQuery())
                .isPresent();

        TableRow<?> first = robot.lookup((Node n) -> n instanceof TableRow<?> r && r.getIndex() == 0 && r.getItem() != null)
                .queryAs(TableRow.class);
        robot.clickOn(first);
        WaitForAsyncUtils.waitForFxEvents();
        TextField requestId = robot.lookup(id("field-request_id")).queryAs(TextField.class);
        assertThat(requestId.getText()).isEqualTo(expected.get(0));
        assertThat(robot.lookup(id("field-model")).queryAs(TextField.class).getText()).isEqualTo("deepseek-v3");

        robot.clickOn(robot.lookup(id("copy-curl")).queryAs(Node.class));
        assertThat(clipboard.get()).startsWith("curl -X POST 'http://gateway.example.com/v1/chat/completions'")
                .doesNotContainIgnoringCase("authorization");
        robot.clickOn(robot.lookup(id("copy-request-id")).queryAs(Node.class));
        assertThat(clipboard.get()).isEqualTo(expected.get(0));

        robot.clickOn(robot.lookup(id("export")).queryAs(Node.class));
        robot.clickOn("CSV…");
        Path csv = gateway.db.resolveSibling("out.csv");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(csv));
        assertThat(Csv.column(csv, "request_id")).isEqualTo(expected);
        assertThat(Csv.column(csv, "model")).containsOnly("deepseek-v3");
        await().until(() -> label(robot, "export-status").startsWith("Exported " + expected.size()));

        String screenshot = System.getProperty("logs.screenshot");
        if (screenshot != null) {
            robot.interact(() -> page.viewModel().apply(LogFilter.DEFAULT));
            awaitRows(robot, gateway.requestIds("1 = 1").subList(0, LogsViewModel.PAGE_SIZE));
            robot.interact(() -> ((TableView<?>) robot.lookup(".log-table").query()).getSelectionModel().select(3));
            WaitForAsyncUtils.waitForFxEvents();
            save(robot, Path.of(screenshot));
            robot.interact(Theme.DARK::apply);
            WaitForAsyncUtils.waitForFxEvents();
            save(robot, Path.of(screenshot.replaceFirst("(\\.png)?$", "-dark.png")));
            robot.interact(Theme.LIGHT::apply);
            robot.clickOn(robot.lookup(id("more-filters")).queryAs(Node.class));
            robot.interact(() -> page.viewModel().apply("range=6h&status=4,5&type=stream&slower=500"));
            WaitForAsyncUtils.waitForFxEvents();
            save(robot, Path.of(screenshot.replaceFirst("(\\.png)?$", "-filters.png")));
        }
    }

    @Test
    void aSliceFromTheDashboardReplacesTheFiltersAndShowsAsChips(FxRobot robot) throws Exception {
        long from = NOW.minus(Duration.ofHours(2)).toEpochMilli();
        LogQuery slice = LogQuery.builder().between(from, NOW.toEpochMilli()).consumer("batch-jobs").statusClasses(4).build();

        List<String> expected = gateway.requestIds("consumer = ? AND response_code BETWEEN 400 AND 499"
                + " AND start_us >= ? AND start_us < ?", "batch-jobs", from * 1000, NOW.toEpochMilli() * 1000);
        assertThat(expected).isNotEmpty();

        robot.interact(() -> page.showSlice(slice));

        awaitRows(robot, expected);
        assertThat(robot.lookup((Node n) -> n instanceof Label l && "Consumer: batch-jobs".equals(l.getText())).tryQuery())
                .isPresent();
        assertThat(robot.lookup(id("status-4xx")).queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    private void awaitRows(FxRobot robot, List<String> expected) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            List<LogEntry> rows = page.viewModel().rows();
            return rows.stream().map(e -> e.record().requestId()).toList().equals(expected);
        });
    }

    private static String label(FxRobot robot, String nodeId) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(id(nodeId)).queryAs(Label.class).getText();
    }

    private void save(FxRobot robot, Path file) throws Exception {
        Screenshots.save(robot, page.node(), file);
    }
}
