package dev.gatehouse.ui.dashboard;

import dev.gatehouse.ui.common.Theme;
import dev.gatehouse.ui.shell.Page;
import dev.gatehouse.ui.shell.ShellContext;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.util.Duration;

/**
 * The Dashboard page as the shell uses it: polls once a second while shown, not at all while
 * hidden; repainted when the theme changes. Register it with {@code DashboardPage::of}.
 */
public final class DashboardPage implements Page {

    private final DashboardViewModel model;
    private final DashboardView view;
    private final Timeline ticks;
    private final ChangeListener<Theme> restyle;
    private final LayoutTiming layoutTiming = new LayoutTiming();
    private final ChangeListener<Scene> sceneChanged;

    public DashboardPage(DashboardViewModel model, Theme theme) {
        this.model = model;
        this.view = new DashboardView(model, theme);
        this.ticks = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.poll()));
        ticks.setCycleCount(Animation.INDEFINITE);
        this.restyle = (o, before, now) -> view.restyle(now);
        // Shown before the shell put the view into the window: time that window's pulses once it is.
        this.sceneChanged = (o, before, now) -> {
            if (now != null && !model.isPaused()) {
                layoutTiming.attach(now);
            }
        };
        view.sceneProperty().addListener(sceneChanged);
    }

    /** The page on the shell's engine, executors and notifications, in the settings' theme. */
    public static DashboardPage of(ShellContext context) {
        var theme = context.settings().themeProperty();
        DashboardPage page = new DashboardPage(new DashboardViewModel(context.control(), context.background(),
                context.fx(), context.notifications(), context.openLogs()), theme.get());
        // Weak: a page the shell forgot (another engine connected) must not be kept alive by the settings.
        theme.addListener(new WeakChangeListener<>(page.restyle));
        return page;
    }

    @Override
    public Node node() {
        return view;
    }

    /** On screen: polls now and then every second. */
    @Override
    public void shown() {
        model.resume();
        if (view.getScene() != null) {
            layoutTiming.attach(view.getScene());
        }
        model.poll();
        ticks.play();
    }

    /** Hidden: no more polls until shown again. */
    @Override
    public void reset() {
        ticks.stop();
        layoutTiming.detach();
        model.pause();
    }

    public DashboardViewModel viewModel() {
        return model;
    }

    DashboardView view() {
        return view;
    }
}
