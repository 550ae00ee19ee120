package dev.gatehouse.ui.logs;

import dev.gatehouse.engine.accesslog.query.LogEntry;
import dev.gatehouse.engine.accesslog.query.LogPage;
import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.admin.LogPageRequest;

import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Live tail: while on, each {@link #tick()} (the page ticks twice a second) asks for the records
 * that started since the newest one shown and puts them on top in one batch, so the table
 * changes at most a few times a second however fast records arrive. Turning it off pauses it;
 * the records stay. A record whose request started before the newest shown but ended later (a
 * long stream) is not added on top; it is where it belongs when the list is loaded again.
 */
public final class LiveTail {

    private final GatewayControl control;
    private final EngineCalls calls;
    private final LogsViewModel explorer;
    private final BooleanProperty on = new SimpleBooleanProperty(this, "on");
    private boolean asking;

    LiveTail(GatewayControl control, EngineCalls calls, LogsViewModel explorer) {
        this.control = control;
        this.calls = calls;
        this.explorer = explorer;
    }

    /** True while new records are added; false pauses the tail. */
    public BooleanProperty onProperty() {
        return on;
    }

    /** Adds the records that arrived since the last tick, if on and the last tick's answer is in. */
    public void tick() {
        if (!on.get() || asking || explorer.loadingProperty().get()) {
            return;
        }
        List<LogEntry> shown = explorer.rows();
        LogQuery base = explorer.filterProperty().get().toQuery(explorer.clock().millis());
        LogEntry newest = shown.isEmpty() ? null : shown.get(0);
        LogQuery query = newest == null ? base : since(base, newest.record().startTime().toEpochMilli());
        if (query == null) {
            return; // the range ended before the newest record shown: nothing newer can match
        }
        asking = true;
        calls.call(() -> control.logs(LogPageRequest.first(query, LogsViewModel.PAGE_SIZE)), page -> {
            asking = false;
            take(page, newest);
        }, reason -> asking = false);
    }

    private void take(LogPage page, LogEntry newest) {
        if (!on.get() || (newest != null && (explorer.rows().isEmpty() || explorer.rows().get(0) != newest))) {
            return; // paused or the list was reloaded meanwhile: this answer is about a list no longer shown
        }
        List<LogEntry> fresh = page.entries().stream().filter(e -> newer(e, newest)).toList();
        if (page.next() != null && fresh.size() == page.entries().size()) {
            explorer.reloadFromTop(); // more arrived than a page holds: the gap is not worth stitching
        } else if (!fresh.isEmpty()) {
            explorer.prepend(fresh);
        }
    }

    /** The query from {@code fromMillis} on (inclusive: records in the same millisecond), null if its range ends before. */
    private static LogQuery since(LogQuery base, long fromMillis) {
        long from = base.fromMillis() == null ? fromMillis : Math.max(base.fromMillis(), fromMillis);
        if (base.toMillis() != null && from >= base.toMillis()) {
            return null;
        }
        return LogFilter.bounded(base, from, base.toMillis());
    }

    private static boolean newer(LogEntry entry, LogEntry newest) {
        if (newest == null) {
            return true;
        }
        return entry.startMicros() > newest.startMicros()
                || (entry.startMicros() == newest.startMicros() && entry.id() > newest.id());
    }
}
