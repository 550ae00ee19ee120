package dev.gatehouse.engine.health;

/**
 * A monotonic time source in nanoseconds, injected wherever health decisions depend on time so
 * that tests advance time instead of sleeping. Only differences between readings are meaningful.
 */
@FunctionalInterface
public interface Ticker {

    /** The current reading in nanoseconds. */
    long nanos();

    /** The JVM's monotonic clock, {@link System#nanoTime()}. */
    static Ticker system() {
        return System::nanoTime;
    }
}
