package dev.gatehouse.ui.shell;

import javafx.scene.Node;

/**
 * One screen of the console. The shell creates it once (from its {@link PageEntry}), calls
 * {@link #shown()} each time the user opens it and {@link #reset()} each time the user leaves,
 * so the page polls and listens only while it is on screen.
 */
public interface Page extends PageShortcuts {

    /** The page's root node; the same one every time. */
    Node node();

    /** The page is on screen again: start timers and listeners. */
    default void shown() {
    }

    /** The user left the page or the console closes: stop its timers and release its listeners. */
    default void reset() {
    }

    /** A page that is only a node: no timers, no shortcuts. */
    static Page of(Node node) {
        return () -> node;
    }
}
