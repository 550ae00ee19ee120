package dev.gatehouse.ui.logs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import static java.util.Objects.requireNonNull;

/**
 * The saved queries as the explorer offers them: loaded once, saved under a name (replacing one of
 * the same name), opened, deleted. The file is read and written on the background executor.
 */
public final class SavedQueriesModel {

    private final SavedQueries store;
    private final EngineCalls calls;
    private final LogsViewModel explorer;
    private final ObservableList<SavedQuery> queries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    SavedQueriesModel(SavedQueries store, EngineCalls calls, LogsViewModel explorer) {
        this.store = requireNonNull(store, "store");
        this.calls = calls;
        this.explorer = explorer;
    }

    public void load() {
        calls.call(() -> {
            try {
                return store.load();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, queries::setAll, reason -> problem.set("Saved queries could not be read: " + reason));
    }

    /** Keeps the current filter as {@code name}; false (and a reason) for a blank name. */
    public boolean saveCurrent(String name) {
        SavedQuery query;
        try {
            query = SavedQuery.of(name == null ? "" : name, explorer.filterProperty().get());
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return false;
        }
        List<SavedQuery> next = new ArrayList<>(queries.stream().filter(q -> !q.name().equals(query.name())).toList());
        next.add(query);
        write(next);
        return true;
    }

    public void open(SavedQuery query) {
        explorer.apply(query.filter());
    }

    public void delete(SavedQuery query) {
        write(queries.stream().filter(q -> !q.equals(query)).toList());
    }

    private void write(List<SavedQuery> next) {
        List<SavedQuery> copy = List.copyOf(next);
        queries.setAll(copy);
        problem.set("");
        calls.call(() -> {
            try {
                store.save(copy);
                return copy;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, saved -> { }, reason -> problem.set("Saved queries could not be written: " + reason));
    }

    public ObservableList<SavedQuery> queries() {
        return queries;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
