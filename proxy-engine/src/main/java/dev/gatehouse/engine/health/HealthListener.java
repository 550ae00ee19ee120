package dev.gatehouse.engine.health;

/**
 * Told when an endpoint's {@link HealthState} changes, so that the console can show
 * "endpoint ejected / restored". Called on whichever thread caused the change, often a Netty
 * event loop, and never under a lock: implementations must return quickly and must not block.
 */
@FunctionalInterface
public interface HealthListener {

    void onStateChange(String endpointAddress, HealthState from, HealthState to);

    /** A listener that ignores every change. */
    static HealthListener none() {
        return (endpointAddress, from, to) -> { };
    }
}
