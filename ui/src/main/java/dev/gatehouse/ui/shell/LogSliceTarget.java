package dev.gatehouse.ui.shell;

import dev.gatehouse.engine.accesslog.query.LogQuery;

/**
 * A page that can be opened on a slice of the access log: the log explorer. The dashboard asks
 * the shell for it ({@link ShellContext#openLogs()}) when the user clicks a tile or a bar.
 */
public interface LogSliceTarget {

    /** Shows the records matching {@code query}, replacing the filters the page had. On the FX thread. */
    void showSlice(LogQuery query);
}
