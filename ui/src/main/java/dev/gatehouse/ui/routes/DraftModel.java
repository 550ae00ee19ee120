package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.config.ConfigValidator;
import dev.gatehouse.engine.config.GatewayConfig;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The draft being edited, as properties: the config, whether undo and redo are possible (and what
 * they would undo), and the validator's errors placed at their fields. Validation runs off the FX
 * thread after every change; while one runs, further changes coalesce into one more run on the
 * latest draft, so typing in a field never queues a validation per key stroke. FX thread only.
 */
public final class DraftModel {

    private final Async async;
    private final ReadOnlyObjectWrapper<GatewayConfig> draft;
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper(this, "undoLabel", "");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper(this, "redoLabel", "");
    private final ReadOnlyObjectWrapper<FieldErrors> errors = new ReadOnlyObjectWrapper<>(this, "errors", FieldErrors.NONE);
    private DraftHistory history;
    private boolean validating;
    private boolean validateAgain;

    DraftModel(GatewayConfig initial, Async async) {
        this.async = async;
        this.history = new DraftHistory(initial);
        this.draft = new ReadOnlyObjectWrapper<>(this, "draft", initial);
    }

    /** Applies an edit as one undoable step; false when it changed nothing. */
    boolean edit(String label, UnaryOperator<GatewayConfig> edit) {
        boolean changed = history.apply(label, edit);
        if (changed) {
            changed();
        }
        return changed;
    }

    /** Starts afresh from {@code config}: the undo and redo stacks are emptied. */
    void reset(GatewayConfig config) {
        history = new DraftHistory(config);
        changed();
    }

    boolean undo() {
        boolean undone = history.undo().isPresent();
        if (undone) {
            changed();
        }
        return undone;
    }

    boolean redo() {
        boolean redone = history.redo().isPresent();
        if (redone) {
            changed();
        }
        return redone;
    }

    private void changed() {
        draft.set(history.draft());
        canUndo.set(history.nextUndo().isPresent());
        canRedo.set(history.nextRedo().isPresent());
        undoLabel.set(history.nextUndo().orElse(""));
        redoLabel.set(history.nextRedo().orElse(""));
        validate();
    }

    /** Validates the current draft off the FX thread; shows the errors if the draft is still the same. */
    void validate() {
        if (validating) {
            validateAgain = true;
            return;
        }
        validating = true;
        GatewayConfig checked = draft.get();
        async.run(() -> FieldErrors.place(checked, ConfigValidator.validate(checked)), placed -> {
            validating = false;
            if (checked.equals(draft.get())) {
                errors.set(placed);
            }
            if (validateAgain) {
                validateAgain = false;
                validate();
            }
        }, failure -> {
            validating = false;
            errors.set(new FieldErrors(Map.of(), List.of("validation failed: " + failure)));
        });
    }

    /** Shows errors found elsewhere (an engine that refused the draft) at their fields. */
    void showErrors(FieldErrors found) {
        errors.set(found);
    }

    public ReadOnlyObjectProperty<GatewayConfig> draftProperty() {
        return draft.getReadOnlyProperty();
    }

    public GatewayConfig draft() {
        return draft.get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** What Undo would undo ({@code rename pool qwen}), empty when nothing. */
    public ReadOnlyStringProperty undoLabelProperty() {
        return undoLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoLabelProperty() {
        return redoLabel.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FieldErrors> errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    public FieldErrors errors() {
        return errors.get();
    }
}
