package dev.gatehouse.ui.shell;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The console-wide keyboard shortcuts, each routed to the page shown ({@link PageShortcuts}). */
public enum Shortcut {
    APPLY(KeyCode.S),
    UNDO(KeyCode.Z),
    FIND(KeyCode.F);

    private final KeyCode key;

    Shortcut(KeyCode key) {
        this.key = key;
    }

    /** Ctrl+key (Cmd+key on macOS). */
    public KeyCombination combination() {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }
}
