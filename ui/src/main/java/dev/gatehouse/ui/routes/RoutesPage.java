package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.ui.shell.Page;
import dev.gatehouse.ui.shell.ShellContext;

import java.util.concurrent.Executor;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * The Routes &amp; Pools page as the shell uses it: its node, the 1 Hz topology refresh that runs
 * while it is shown, whether the draft has unsaved changes, and the Ctrl+S / Ctrl+Z / Ctrl+F
 * commands. Register it with {@code context -> RoutesPage.of(context)}.
 */
public final class RoutesPage implements Page {

    private final RoutesViewModel model;
    private final RoutesView view;
    private final Timeline refresh;
    private boolean loaded;

    public RoutesPage(GatewayControl control, QpsSource qps, Executor background, Executor fx) {
        this.model = new RoutesViewModel(control, qps, background, fx);
        this.view = new RoutesView(model);
        this.refresh = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.refreshTopology()));
        refresh.setCycleCount(Animation.INDEFINITE);
    }

    /**
     * The page on the shell's engine and executors, with live QPS from the engine's telemetry; the
     * status bar's "unsaved changes" follows the draft.
     */
    public static RoutesPage of(ShellContext context) {
        GatewayControl control = context.control();
        RoutesPage page = new RoutesPage(control, QpsSource.fromSnapshots(control::metrics), context.background(),
                context.fx());
        context.unsavedChanges().bind(page.dirtyProperty());
        return page;
    }

    /** The page's root node; the same one every time. */
    @Override
    public Node node() {
        return view;
    }

    /** The page is on screen: loads the running config the first time, starts the 1 Hz refresh. */
    @Override
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
    @Override
    public void reset() {
        refresh.stop();
    }

    /** True while the draft has changes not applied. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return model.dirtyProperty();
    }

    /** Ctrl+S: shows the diff and applies the draft if the user confirms. */
    @Override
    public boolean apply() {
        view.reviewAndApply();
        return true;
    }

    /** Ctrl+Z. */
    @Override
    public boolean undo() {
        return model.undo();
    }

    /** Redo (the shell has no shortcut for it yet; the toolbar has a button). */
    public boolean redo() {
        return model.redo();
    }

    /** Ctrl+F: puts the cursor in the find field. */
    @Override
    public boolean find() {
        view.focusFind();
        return true;
    }

    public RoutesViewModel viewModel() {
        return model;
    }
}
