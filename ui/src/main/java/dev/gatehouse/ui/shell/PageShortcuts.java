package dev.gatehouse.ui.shell;

/**
 * What the console's keyboard shortcuts do on the page shown: Ctrl+S apply, Ctrl+Z undo, Ctrl+F
 * find. Each returns whether the page handled it; by default a page handles none.
 */
public interface PageShortcuts {

    default boolean apply() {
        return false;
    }

    default boolean undo() {
        return false;
    }

    default boolean find() {
        return false;
    }
}
