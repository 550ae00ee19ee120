package dev.gatehouse.ui.shell;

import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.ui.settings.ConnectionProfile;
import dev.gatehouse.ui.settings.Connections;
import dev.gatehouse.ui.settings.SettingsViewModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

import static java.util.Objects.requireNonNull;

/**
 * The console window's state: navigation, status bar, notifications, settings, the engine it
 * manages (switched when the active connection profile changes) and the first-run demo banner.
 * Call on the FX thread.
 */
public final class ShellViewModel implements AutoCloseable {

    private final Connections connections;
    private final SettingsViewModel settings;
    private final Executor background;
    private final Executor fx;
    private final Clock clock;
    private final ScheduledExecutorService ticker;
    private final StatusBarViewModel status = new StatusBarViewModel();
    private final NotificationsViewModel notifications;
    private final NavigationViewModel navigation;
    private final Optional<DemoSwitch> demo;
    private final ReadOnlyBooleanWrapper demoBanner = new ReadOnlyBooleanWrapper(this, "demoBanner");
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper(this, "connection");
    private GatewayControl control;
    private EngineMonitor monitor;

    /** {@code ticker} runs the 1 Hz poll; null leaves polling to the caller ({@link #monitor()}{@code .pollOnce()}). */
    public ShellViewModel(List<PageEntry> pages, Connections connections, SettingsViewModel settings,
                          Optional<DemoSwitch> demo, Executor background, Executor fx, Clock clock,
                          ScheduledExecutorService ticker) {
        this.connections = requireNonNull(connections, "connections");
        this.settings = requireNonNull(settings, "settings");
        this.demo = requireNonNull(demo, "demo");
        this.background = requireNonNull(background, "background");
        this.fx = requireNonNull(fx, "fx");
        this.clock = requireNonNull(clock, "clock");
        this.ticker = ticker;
        this.notifications = new NotificationsViewModel(clock);
        this.navigation = new NavigationViewModel(pages, this::context);
        demoBanner.set(demo.isPresent());
        connect(settings.activeProfileProperty().get());
        settings.activeProfileProperty().addListener((obs, old, now) -> {
            if (now != null) {
                connect(now);
                navigation.resetAll(); // pages rebuild against the new engine
            }
        });
    }

    private ShellContext context() {
        return new ShellContext(control, background, fx, status.unsavedChangesProperty(), notifications, settings,
                navigation::openLogs);
    }

    private void connect(ConnectionProfile profile) {
        if (monitor != null) {
            monitor.close();
        }
        control = connections.open(profile);
        connection.set(profile.describe());
        monitor = new EngineMonitor(control, fx, clock, status, notifications);
        if (ticker != null) {
            monitor.start(ticker);
        }
    }

    /** Leaves the demo for an empty config (in the background); the banner goes when that worked. */
    public void useEmptyConfig() {
        demo.ifPresent(choice -> background.execute(() -> {
            try {
                choice.useEmptyConfig();
                fx.execute(() -> {
                    demoBanner.set(false);
                    notifications.post(Notice.Severity.SUCCESS, "Empty config",
                            "The demo is stopped; Gatehouse now serves an empty config and reopens it next time.");
                });
            } catch (Exception e) {
                fx.execute(() -> notifications.post(Notice.Severity.DANGER, "Could not leave the demo",
                        String.valueOf(e.getMessage())));
            }
        }));
    }

    /** Keeps the demo and hides the banner for this run. */
    public void keepDemo() {
        demoBanner.set(false);
    }

    public ReadOnlyBooleanProperty demoBannerProperty() {
        return demoBanner.getReadOnlyProperty();
    }

    /** The profile in use, as the status bar names it. */
    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public NavigationViewModel navigation() {
        return navigation;
    }

    public StatusBarViewModel status() {
        return status;
    }

    public NotificationsViewModel notifications() {
        return notifications;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public EngineMonitor monitor() {
        return monitor;
    }

    public GatewayControl control() {
        return control;
    }

    @Override
    public void close() {
        monitor.close();
        navigation.close();
        connections.close();
    }
}
