package dev.gatehouse.ui.common;

import javafx.application.Platform;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The executors the console's view models take in production: virtual threads for blocking
 * engine calls, {@code Platform::runLater} for results. Tests pass {@code Runnable::run} instead.
 */
public final class UiExecutors {

    private UiExecutors() {
    }

    /** One virtual thread per task: engine calls block on disk or network, and there are few of them. */
    public static ExecutorService background() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("console-task-", 0).factory());
    }

    /** Runs on the FX application thread. */
    public static Executor fx() {
        return Platform::runLater;
    }

    /** One daemon thread that ticks the console's once-a-second polls. */
    public static ScheduledExecutorService ticker() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "console-poll");
            thread.setDaemon(true);
            return thread;
        });
    }
}
