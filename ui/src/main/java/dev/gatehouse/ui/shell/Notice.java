package dev.gatehouse.ui.shell;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** One notification: how serious, a short title, the detail, and when it happened. */
public record Notice(Severity severity, String title, String detail, Instant at) {

    /** Decides the notice's color and icon. */
    public enum Severity { INFO, SUCCESS, WARNING, DANGER }

    public Notice {
        requireNonNull(severity, "severity");
        requireNonNull(title, "title");
        requireNonNull(detail, "detail");
        requireNonNull(at, "at");
    }
}
