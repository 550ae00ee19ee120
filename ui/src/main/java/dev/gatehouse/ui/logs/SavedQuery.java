package dev.gatehouse.ui.logs;

import java.util.Objects;

/** A named filter the user kept, in its URL-like text form ({@link LogFilter#encode()}). */
public record SavedQuery(String name, String filter) {

    public SavedQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filter, "filter");
        name = name.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a saved query needs a name");
        }
        LogFilter.decode(filter); // refuses text that cannot be opened again
    }

    public static SavedQuery of(String name, LogFilter filter) {
        return new SavedQuery(name, filter.encode());
    }

    @Override
    public String toString() {
        return name;
    }
}
