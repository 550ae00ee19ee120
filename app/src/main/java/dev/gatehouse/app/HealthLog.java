package dev.gatehouse.app;

import dev.gatehouse.engine.health.HealthListener;
import dev.gatehouse.engine.health.HealthState;

import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.PrintStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Prints endpoint health changes in headless mode ("qwen-72b/10.0.0.7:8000: HEALTHY -> EJECTED").
 * Health changes are reported on event loops, which must not block on a terminal, so the
 * printing happens on a thread of its own.
 */
final class HealthLog implements HealthListener {

    private final PrintStream out;
    private final ExecutorService printer = Executors.newSingleThreadExecutor(
                new DefaultThreadFactory("gatehouse-health-log", true));

    HealthLog(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onStateChange(String endpoint, HealthState from, HealthState to) {
        printer.execute(() -> out.println("Gatehouse: endpoint " + endpoint + ": " + from + " -> " + to));
    }
}
