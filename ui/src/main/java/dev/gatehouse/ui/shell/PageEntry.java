package dev.gatehouse.ui.shell;

import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * A page as the sidebar lists it: a stable id (remembered as the last page), its title, its
 * Feather icon literal, and how to build it from the shell's context.
 */
public record PageEntry(String id, String title, String icon, Function<ShellContext, Page> factory) {

    public PageEntry {
        requireNonNull(id, "id");
        requireNonNull(title, "title");
        requireNonNull(icon, "icon");
        requireNonNull(factory, "factory");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a page needs an id");
        }
    }
}
