package dev.gatehouse.ui.logs;

import dev.gatehouse.engine.accesslog.query.ExportFormat;
import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.ui.shell.LogSliceTarget;
import dev.gatehouse.ui.shell.Page;
import dev.gatehouse.ui.shell.ShellContext;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * The log explorer as the shell uses it: loads when first shown, ticks the live tail twice a
 * second only while shown, opens on a slice from another page ({@link #showSlice}), and Ctrl+F
 * puts the cursor in the search field. Register it with {@code LogsPage::of}.
 */
public final class LogsPage implements Page, LogSliceTarget {

    /** The live tail's tick: at most two table updates a second, whatever the traffic. */
    static final Duration TAIL_TICK = Duration.millis(500);

    private final LogsViewModel model;
    private final LogsView view;
    private final Timeline tail;
    private boolean opened;

    public LogsPage(LogsViewModel model, ExportTarget exportTarget, Consumer<String> clipboard) {
        this.model = model;
        this.view = new LogsView(model, exportTarget, clipboard);
        this.tail = new Timeline(new KeyFrame(TAIL_TICK, e -> model.tail().tick()));
        tail.setCycleCount(Animation.INDEFINITE);
    }

    /** The page on the shell's engine and executors, its saved queries next to the console settings. */
    public static LogsPage of(ShellContext context) {
        LogsViewModel model = new LogsViewModel(context.control(), new SavedQueries(context.settings().stateDir()),
                context.background(), context.fx(), Clock.systemDefaultZone());
        LogsPage[] page = new LogsPage[1];
        page[0] = new LogsPage(model, format -> page[0].chooseFile(format), LogsPage::copy);
        return page[0];
    }

    @Override
    public Node node() {
        return view;
    }

    /** On screen: loads the first time (a slice may have loaded it already), then ticks the tail. */
    @Override
    public void shown() {
        if (!opened) {
            opened = true;
            model.open();
        }
        tail.play();
    }

    /** Hidden: no tail ticks until shown again; the records and filters stay. */
    @Override
    public void reset() {
        tail.stop();
    }

    @Override
    public void showSlice(LogQuery query) {
        LogFilter slice = LogFilter.of(query);
        if (opened) {
            model.apply(slice);
        } else {
            opened = true;
            model.open(slice);
        }
    }

    @Override
    public boolean find() {
        view.focusSearch();
        return true;
    }

    public LogsViewModel viewModel() {
        return model;
    }

    private Optional<Path> chooseFile(ExportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export records");
        boolean csv = format == ExportFormat.CSV;
        chooser.setInitialFileName(csv ? "gatehouse-logs.csv" : "gatehouse-logs.jsonl");
        chooser.getExtensionFilters().add(csv ? new FileChooser.ExtensionFilter("CSV", "*.csv")
                : new FileChooser.ExtensionFilter("JSON Lines", "*.jsonl"));
        return Optional.ofNullable(chooser.showSaveDialog(view.getScene() == null ? null : view.getScene().getWindow()))
                .map(java.io.File::toPath);
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
