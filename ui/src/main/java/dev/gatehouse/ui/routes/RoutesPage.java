package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.admin.GatewayControl;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * The Routes &amp; Pools page as the shell uses it: its node, the 1 Hz topology refresh that runs
 * while it is shown, whether the draft has unsaved changes, and the Ctrl+S / Ctrl+Z / Ctrl+F
 * commands. Its methods match the shell's {@code Page} so that it can implement it once merged.
 */
public final class RoutesPage {

    private final RoutesViewModel model;
    private final RoutesView view;
    private final Timeline refresh;
    private boolean loaded;

    /** Live QPS from the engine's telemetry, engine calls on virtual threads, results on the FX thread. */
    public RoutesPage(GatewayControl control) {
        this(control, QpsSource.fromSnapshots(control::metrics));
    }

    /** Engine calls on virtual threads, results on the FX thread. */
    public RoutesPage(GatewayControl control, QpsSource qps) {
        this(control, qps, Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("routes-task-", 0).factory()),
                Platform::runLater);
    }

    public RoutesPage(GatewayControl control, QpsSource qps, Executor background, Executor fx) {
        this.model = new RoutesViewModel(control, qps, background, fx);
        this.view = new RoutesView(model);
        this.refresh = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.refreshTopology()));
        refresh.setCycleCount(Animation.INDEFINITE);
    }

    /** The page's root node; the same one every time. */
    public Node node() {
        return view;
    }

    /** Same as {@link #node()}. */
    public Node view() {
        return view;
    }

    /** The page is on screen: loads the running config the first time, starts the 1 Hz refresh. */
    public void shown() {
        if (!loaded) {
            loaded = true;
            model.load();
        } else {
            model.refreshVersions();
        }
        refresh.play();
    }

    /** The user left the page: stops the refresh. The draft stays as it is. */
    public void reset() {
        refresh.stop();
    }

    /** True while the draft has changes not applied. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return model.dirtyProperty();
    }

    /** Ctrl+S: shows the diff and applies the draft if the user confirms. */
    public boolean apply() {
        view.reviewAndApply();
        return true;
    }

    /** Ctrl+Z. */
    public boolean undo() {
        return model.undo();
    }

    /** Ctrl+Y / Ctrl+Shift+Z. */
    public boolean redo() {
        return model.redo();
    }

    /** Ctrl+F: puts the cursor in the find field. */
    public boolean find() {
        view.focusFind();
        return true;
    }

    public RoutesViewModel viewModel() {
        return model;
    }
}
