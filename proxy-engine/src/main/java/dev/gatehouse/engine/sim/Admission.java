package dev.gatehouse.engine.sim;

import java.util.ArrayDeque;
import java.util.Queue;

/**
 * vLLM-like admission: at most {@code maxRunning} requests generate at once, the rest wait in
 * arrival order. A started task runs on whatever thread frees the slot, so tasks hop back to their
 * own event loop themselves. The lock guards only these counters and never spans I/O.
 */
final class Admission {

    private final int maxRunning;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int running;

    Admission(int maxRunning) {
        this.maxRunning = maxRunning;
    }

    /** Runs {@code start} now if a slot is free, else when one is. Each start needs one release. */
    void submit(Runnable start) {
        synchronized (this) {
            if (running >= maxRunning) {
                waiting.add(start);
                return;
            }
            running++;
        }
        start.run();
    }

    /** Withdraws a task that has not started yet; true if it was still waiting. */
    synchronized boolean cancel(Runnable start) {
        return waiting.remove(start);
    }

    /** Frees a slot and starts the next waiting task, if any. */
    void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
                return;
            }
        }
        next.run();
    }

    synchronized int running() {
        return running;
    }

    synchronized int waiting() {
        return waiting.size();
    }
}
