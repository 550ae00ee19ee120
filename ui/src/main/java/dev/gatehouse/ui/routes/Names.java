package dev.gatehouse.ui.routes;

import java.util.List;
import java.util.function.Function;

/** Finding routes and pools by name, and refusing a name that is blank or taken, with the same words for both. */
final class Names {

    private Names() {
    }

    /** The index of the item called {@code name}; {@code kind} ({@code route}, {@code pool}) is for the message. */
    static <T> int indexOf(List<T> items, Function<T, String> nameOf, String name, String kind) {
        for (int i = 0; i < items.size(); i++) {
            if (name.equals(nameOf.apply(items.get(i)))) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + kind + " named \"" + name + "\"");
    }

    static <T> void requireFree(List<T> items, Function<T, String> nameOf, String name, String kind) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a " + kind + " needs a name");
        }
        if (items.stream().anyMatch(item -> name.equals(nameOf.apply(item)))) {
            throw new IllegalArgumentException("a " + kind + " named \"" + name + "\" already exists");
        }
    }
}
