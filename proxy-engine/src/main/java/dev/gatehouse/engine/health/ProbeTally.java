package dev.gatehouse.engine.health;

/**
 * Turns a sequence of probe results into an up/down verdict: {@code unhealthyThreshold}
 * consecutive failures take an endpoint down, {@code healthyThreshold} consecutive successes
 * bring it back. A result of the other kind resets the run. Pure logic, no time, no I/O.
 *
 * <p>Synchronized because a probe's result arrives on an event loop while the next probe is
 * scheduled from another thread; it is off the request path and never contended in practice.
 */
final class ProbeTally {

    private final int unhealthyThreshold;
    private final int healthyThreshold;
    private boolean up;
    private int consecutiveFailures;
    private int consecutiveSuccesses;

    ProbeTally(int unhealthyThreshold, int healthyThreshold, boolean initiallyUp) {
        if (unhealthyThreshold < 1 || healthyThreshold < 1) {
            throw new IllegalArgumentException("thresholds must be at least 1, got "
                    + unhealthyThreshold + " and " + healthyThreshold);
        }
        this.unhealthyThreshold = unhealthyThreshold;
        this.healthyThreshold = healthyThreshold;
        this.up = initiallyUp;
    }

    /** Counts one probe result and returns the verdict after it. */
    synchronized boolean record(boolean success) {
        if (success) {
            consecutiveFailures = 0;
            consecutiveSuccesses++;
            if (!up && consecutiveSuccesses >= healthyThreshold) {
                up = true;
            }
        } else {
            consecutiveSuccesses = 0;
            consecutiveFailures++;
            if (up && consecutiveFailures >= unhealthyThreshold) {
                up = false;
            }
        }
        return up;
    }

    synchronized boolean isUp() {
        return up;
    }
}
