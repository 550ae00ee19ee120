package dev.gatehouse.ui.shell;

import dev.gatehouse.engine.accesslog.query.LogQuery;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Which page is shown. Each page is built the first time it is opened and kept (a draft survives
 * a visit elsewhere); leaving a page resets it, opening it again calls {@code shown()}.
 */
public final class NavigationViewModel {

    private final List<PageEntry> entries;
    private final Supplier<ShellContext> context;
    private final Map<String, Page> built = new HashMap<>();
    private final ReadOnlyObjectWrapper<PageEntry> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyObjectWrapper<Page> currentPage = new ReadOnlyObjectWrapper<>(this, "currentPage");

    /** {@code context} is asked when a page is first built, so a page always gets the engine connected then. */
    public NavigationViewModel(List<PageEntry> entries, Supplier<ShellContext> context) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("the console needs at least one page");
        }
        this.entries = List.copyOf(entries);
        this.context = requireNonNull(context, "context");
    }

    public List<PageEntry> entries() {
        return entries;
    }

    public ReadOnlyObjectProperty<PageEntry> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The page on screen, built; its node is what the view shows. */
    public ReadOnlyObjectProperty<Page> currentPageProperty() {
        return currentPage.getReadOnlyProperty();
    }

    public Optional<PageEntry> entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Shows the page {@code id}, or the first page when there is no such page (an old remembered id). */
    public void navigate(String id) {
        PageEntry target = entry(id).orElse(entries.get(0));
        if (target.equals(current.get())) {
            return;
        }
        Page leaving = currentPage.get();
        if (leaving != null) {
            leaving.reset();
        }
        Page page = built.computeIfAbsent(target.id(), key -> target.factory().apply(context.get()));
        current.set(target);
        currentPage.set(page);
        page.shown();
    }

    /**
     * Shows the log explorer filtered to {@code query}; when the explorer is not built yet it only
     * opens (a placeholder cannot take a filter).
     */
    public void openLogs(LogQuery query) {
        requireNonNull(query, "query");
        navigate(Pages.LOGS);
        if (currentPage.get() instanceof LogSliceTarget explorer) {
            explorer.showSlice(query);
        }
    }

    /** Resets and forgets every built page: on closing, or when the console connects to another engine. */
    public void resetAll() {
        built.values().forEach(Page::reset);
        built.clear();
        PageEntry showing = current.get();
        current.set(null);
        currentPage.set(null);
        if (showing != null) {
            navigate(showing.id());
        }
    }

    /** Resets every built page without rebuilding: the console is closing. */
    public void close() {
        built.values().forEach(Page::reset);
    }

    /** Routes a shortcut to the page shown; false when no page is shown or it does not handle it. */
    public boolean shortcut(Shortcut shortcut) {
        Page page = currentPage.get();
        if (page == null) {
            return false;
        }
        return switch (shortcut) {
            case APPLY -> page.apply();
            case UNDO -> page.undo();
            case FIND -> page.find();
        };
    }
}
