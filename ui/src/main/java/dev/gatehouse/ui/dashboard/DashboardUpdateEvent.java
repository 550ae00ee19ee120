package dev.gatehouse.ui.dashboard;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A Java Flight Recorder event per dashboard update on the FX thread: applying one poll to the
 * view model and the tiles ({@code APPLY}), or the CSS and layout pass of the pulse after it
 * ({@code LAYOUT}). Costs nothing unless a recording runs; {@code bench/dashboard.sh} records
 * them to measure the dashboard under load.
 */
@Name("dev.gatehouse.DashboardUpdate")
@Label("Dashboard update")
@Category({"Gatehouse", "Console"})
@Description("Time the FX thread spent on one dashboard update")
@StackTrace(false)
final class DashboardUpdateEvent extends Event {

    static final String APPLY = "apply";
    static final String LAYOUT = "layout";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Label("Phase")
    final String phase;

    /** CPU time the FX thread spent, which, unlike the duration, other busy processes do not inflate. */
    @Label("CPU time")
    @Timespan(Timespan.NANOSECONDS)
    long cpuNanos;

    DashboardUpdateEvent(String phase) {
        this.phase = phase;
    }

    /** Starts timing when a recording wants this event; returns whether it does. */
    boolean start() {
        if (!isEnabled()) {
            return false;
        }
        cpuNanos = THREADS.getCurrentThreadCpuTime();
        begin();
        return true;
    }

    /** Ends the timing begun by {@link #start()}. */
    void finish() {
        cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuNanos;
        commit();
    }
}
