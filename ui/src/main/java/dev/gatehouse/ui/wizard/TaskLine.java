package dev.gatehouse.ui.wizard;

import static java.util.Objects.requireNonNull;

/** One line of a creating step's live status: what it does, how far it is, and what the cloud said. */
public record TaskLine(String label, State state, String detail) {

    /** Where a task stands. */
    public enum State { WAITING, RUNNING, DONE, SKIPPED, FAILED }

    public TaskLine {
        requireNonNull(label, "label");
        requireNonNull(state, "state");
        detail = detail == null ? "" : detail;
    }

    static TaskLine waiting(String label) {
        return new TaskLine(label, State.WAITING, "");
    }

    TaskLine with(State newState, String newDetail) {
        return new TaskLine(label, newState, newDetail);
    }

    /** Done or skipped: a retry starts after it. */
    boolean settled() {
        return state == State.DONE || state == State.SKIPPED;
    }
}
