package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.config.GatewayConfig;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * The draft config and its undo/redo stacks. Each edit is a named command on an immutable config,
 * so undoing one is putting back the config it replaced; a new edit clears the redo stack.
 * Not thread-safe: the view model uses it on the FX thread only.
 */
public final class DraftHistory {

    /** One done edit: what it was called and the draft before it. */
    private record Step(String label, GatewayConfig before) {
    }

    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private GatewayConfig draft;

    public DraftHistory(GatewayConfig draft) {
        this.draft = requireNonNull(draft, "draft");
    }

    public GatewayConfig draft() {
        return draft;
    }

    /**
     * Applies {@code edit} to the draft as one undoable step. An edit that changes nothing leaves no
     * step; one that throws leaves the draft and both stacks as they were.
     */
    public boolean apply(String label, UnaryOperator<GatewayConfig> edit) {
        GatewayConfig after = requireNonNull(edit.apply(draft), "edit result");
        if (after.equals(draft)) {
            return false;
        }
        undo.push(new Step(label, draft));
        redo.clear();
        draft = after;
        return true;
    }

    /** Reverts the last edit; returns its label, or empty when there is nothing to undo. */
    public Optional<String> undo() {
        return move(undo, redo);
    }

    /** Does the last undone edit again; returns its label, or empty when there is nothing to redo. */
    public Optional<String> redo() {
        return move(redo, undo);
    }

    public Optional<String> nextUndo() {
        return Optional.ofNullable(undo.peek()).map(Step::label);
    }

    public Optional<String> nextRedo() {
        return Optional.ofNullable(redo.peek()).map(Step::label);
    }

    private Optional<String> move(Deque<Step> from, Deque<Step> to) {
        Step step = from.poll();
        if (step == null) {
            return Optional.empty();
        }
        to.push(new Step(step.label(), draft));
        draft = step.before();
        return Optional.of(step.label());
    }
}
