package dev.gatehouse.ui.shell;

import dev.gatehouse.engine.admin.ControlException;
import dev.gatehouse.engine.config.ConfigError;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The notifications on screen, newest last, at most {@link #MAX_SHOWN}; the view dismisses each
 * after a while. Pages post here (a refused apply); the engine monitor posts what polling finds.
 * Call on the FX thread.
 */
public final class NotificationsViewModel {

    public static final int MAX_SHOWN = 4;

    private final ObservableList<Notice> shown = FXCollections.observableArrayList();
    // One wrapper for everyone: it listens to the list weakly, so a wrapper made per call could be
    // collected with its listeners, and notifications would stop after a garbage collection.
    private final ObservableList<Notice> readOnly = FXCollections.unmodifiableObservableList(shown);
    private final Clock clock;

    public NotificationsViewModel(Clock clock) {
        this.clock = requireNonNull(clock, "clock");
    }

    public ObservableList<Notice> shown() {
        return readOnly;
    }

    public void post(Notice notice) {
        shown.add(requireNonNull(notice, "notice"));
        while (shown.size() > MAX_SHOWN) {
            shown.remove(0);
        }
    }

    public void post(Notice.Severity severity, String title, String detail) {
        post(new Notice(severity, title, detail, clock.instant()));
    }

    public void dismiss(Notice notice) {
        shown.remove(notice);
    }

    /** A config the engine refused, with its first errors (the page shows every one at its field). */
    public void configRefused(ControlException refusal) {
        String detail = refusal.errors().isEmpty() ? refusal.getMessage()
                : refusal.errors().stream().limit(3).map(ConfigError::toString).collect(Collectors.joining("\n"))
                        + (refusal.errors().size() > 3 ? "\n… and " + (refusal.errors().size() - 3) + " more" : "");
        post(Notice.Severity.DANGER, "Config refused", detail);
    }
}
