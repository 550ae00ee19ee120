package dev.gatehouse.ui.dashboard;

import dev.gatehouse.ui.shell.Page;
import dev.gatehouse.ui.shell.ShellContext;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * The Dashboard page as the shell uses it: polls once a second while shown, not at all while
 * hidden. Register it with {@code DashboardPage::of}.
 */
public final class DashboardPage implements Page {

    private final DashboardViewModel model;
    private final DashboardView view;
    private final Timeline ticks;

    public DashboardPage(DashboardViewModel model) {
        this.model = model;
        this.view = new DashboardView(model);
        this.ticks = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.poll()));
        ticks.setCycleCount(Animation.INDEFINITE);
    }

    /** The page on the shell's engine, executors and notifications. */
    public static DashboardPage of(ShellContext context) {
        return new DashboardPage(new DashboardViewModel(context.control(), context.background(), context.fx(),
                context.notifications()));
    }

    @Override
    public Node node() {
        return view;
    }

    /** On screen: polls now and then every second. */
    @Override
    public void shown() {
        model.resume();
        model.poll();
        ticks.play();
    }

    /** Hidden: no more polls until shown again. */
    @Override
    public void reset() {
        ticks.stop();
        model.pause();
    }

    public DashboardViewModel viewModel() {
        return model;
    }

    DashboardView view() {
        return view;
    }
}
