package dev.gatehouse.ui.shell;

import dev.gatehouse.ui.common.Icons;
import dev.gatehouse.ui.common.Theme;
import dev.gatehouse.ui.common.UiExecutors;
import dev.gatehouse.ui.settings.Connections;
import dev.gatehouse.ui.settings.SettingsStore;
import dev.gatehouse.ui.settings.SettingsViewModel;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Opens the console in a stage: theme, remembered size and page, keyboard shortcuts, the 1 Hz
 * engine poll. Closing the stage saves the window state and stops the console's threads (the
 * application decides what else closing means).
 */
public final class ConsoleWindow {

    public static final String TITLE = "Gatehouse";

    private final Stage stage;
    private final ShellViewModel shell;
    private final WindowStateStore windowStore;
    private final ExecutorService background = UiExecutors.background();
    private final ScheduledExecutorService ticker = UiExecutors.ticker();
    private double normalX = Double.NaN;
    private double normalY = Double.NaN;
    private double normalWidth;
    private double normalHeight;
    /** The state to restore, kept current on the FX thread so a shutdown hook can save it from its own. */
    private volatile WindowState lastState;

    private ConsoleWindow(Stage stage, ConsoleSetup setup, List<PageEntry> pages, String version) {
        this.stage = stage;
        this.windowStore = new WindowStateStore(setup.stateDir());
        SettingsStore settingsStore = new SettingsStore(setup.stateDir());
        SettingsViewModel settings = new SettingsViewModel(settingsStore, settingsStore.load(), background, UiExecutors.fx());
        settings.themeProperty().get().apply();
        settings.themeProperty().addListener((obs, old, theme) -> theme.apply());
        shell = new ShellViewModel(pages, new Connections(setup.embedded()), settings, setup.demo(), background,
                UiExecutors.fx(), Clock.systemUTC(), ticker);
        WindowState state = windowStore.load();
        shell.navigation().navigate(state.page());

        Scene scene = new Scene(new ShellView(shell, version).root(), state.width(), state.height());
        Theme.style(scene);
        for (Shortcut shortcut : Shortcut.values()) {
            scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
                if (shortcut.combination().match(event) && shell.navigation().shortcut(shortcut)) {
                    event.consume();
                }
            });
        }
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.setMinWidth(WindowState.MIN_WIDTH);
        stage.setMinHeight(WindowState.MIN_HEIGHT);
        place(state);
        trackNormalBounds();
        lastState = state;
        stage.maximizedProperty().addListener(o -> remember());
        shell.navigation().currentProperty().addListener(o -> remember());
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> close());
    }

    /**
     * Applies the remembered theme and has the toolkit read its stylesheets and icon font, so that
     * {@link #open} is quick; call on the FX thread, while the engine starts elsewhere.
     */
    public static void warmUp(Path stateDir) {
        new SettingsStore(stateDir).load().theme().apply();
        VBox sample = new VBox(new Label("Gatehouse", Icons.of("fth-shield")), new Button("Apply"), new TextField(),
                new ToggleButton("Light"));
        Theme.style(new Scene(sample));
        sample.applyCss();
        sample.layout();
    }

    /** Builds the console in {@code stage} and shows it; call on the FX thread. */
    public static ConsoleWindow open(Stage stage, ConsoleSetup setup, String version) {
        return open(stage, setup, Pages.all(), version);
    }

    /** As {@link #open(Stage, ConsoleSetup, String)} with these pages (tests). */
    public static ConsoleWindow open(Stage stage, ConsoleSetup setup, List<PageEntry> pages, String version) {
        ConsoleWindow window = new ConsoleWindow(stage, setup, pages, version);
        stage.show();
        return window;
    }

    public ShellViewModel model() {
        return shell;
    }

    public Stage stage() {
        return stage;
    }

    private void place(WindowState state) {
        Rectangle2D wanted = new Rectangle2D(state.placed() ? state.x() : 0, state.placed() ? state.y() : 0,
                state.width(), state.height());
        if (state.placed() && !Screen.getScreensForRectangle(wanted).isEmpty()) {
            stage.setX(state.x());
            stage.setY(state.y());
        } else {
            stage.centerOnScreen(); // first start, or the screen it was on is gone
        }
        stage.setMaximized(state.maximized());
    }

    /** Remembers the last bounds while not maximized, so a maximized window restores to them next time. */
    private void trackNormalBounds() {
        Runnable record = () -> {
            if (!stage.isMaximized() && !stage.isIconified()) {
                normalX = stage.getX();
                normalY = stage.getY();
                normalWidth = stage.getWidth();
                normalHeight = stage.getHeight();
            }
            remember();
        };
        stage.xProperty().addListener(o -> record.run());
        stage.yProperty().addListener(o -> record.run());
        stage.widthProperty().addListener(o -> record.run());
        stage.heightProperty().addListener(o -> record.run());
    }

    private void remember() {
        // While the window is being shown its width is set before its height: wait for both.
        if (stage.isShowing() && stage.getWidth() > 0 && stage.getHeight() > 0) {
            lastState = currentState();
        }
    }

    /** The state to restore next time. */
    public WindowState currentState() {
        PageEntry page = shell.navigation().currentProperty().get();
        double width = Math.max(WindowState.MIN_WIDTH, normalWidth > 0 ? normalWidth : stage.getWidth());
        double height = Math.max(WindowState.MIN_HEIGHT, normalHeight > 0 ? normalHeight : stage.getHeight());
        return new WindowState(normalX, normalY, width, height, stage.isMaximized(),
                page == null ? Pages.ROUTES : page.id());
    }

    /**
     * Saves the window's last state from any thread: a Ctrl+C in the terminal ends the JVM without
     * the window ever hiding, and the toolkit's own shutdown leaves no FX thread to ask.
     */
    public synchronized void saveState() {
        try {
            windowStore.save(lastState);
        } catch (IOException e) {
            System.getLogger(ConsoleWindow.class.getName()).log(System.Logger.Level.WARNING,
                    "could not save the window state: " + e.getMessage());
        }
    }

    private void close() {
        remember();
        saveState();
        shell.close();
        ticker.shutdownNow();
        background.shutdown();
    }
}
