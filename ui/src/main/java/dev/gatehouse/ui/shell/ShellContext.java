package dev.gatehouse.ui.shell;

import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.ui.settings.SettingsViewModel;
import dev.gatehouse.engine.accesslog.query.LogQuery;
import javafx.beans.property.BooleanProperty;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * What a page gets from the shell: the engine it manages, the two executors (blocking calls on
 * {@code background}, results on {@code fx}), the status bar's "unsaved changes" flag for it to
 * set, the notifications to post to, the console settings, and {@code openLogs}: shows the log
 * explorer filtered to a slice (call on the FX thread).
 */
public record ShellContext(GatewayControl control, Executor background, Executor fx, BooleanProperty unsavedChanges,
                           NotificationsViewModel notifications, SettingsViewModel settings,
                           Consumer<LogQuery> openLogs) {

    public ShellContext {
        requireNonNull(control, "control");
        requireNonNull(background, "background");
        requireNonNull(fx, "fx");
        requireNonNull(unsavedChanges, "unsavedChanges");
        requireNonNull(notifications, "notifications");
        requireNonNull(settings, "settings");
        requireNonNull(openLogs, "openLogs");
    }
}
