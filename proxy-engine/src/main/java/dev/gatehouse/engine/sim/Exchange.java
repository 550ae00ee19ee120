package dev.gatehouse.engine.sim;

/** A response in progress on one connection; called on that connection's event loop. */
interface Exchange {

    /** The connection became writable again (or not): a paused stream may go on. */
    default void writabilityChanged() {
    }

    /** The connection closed: stop timers and give back what the exchange holds. */
    void cancel();
}
