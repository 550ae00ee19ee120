package dev.gatehouse.engine.telemetry;

/**
 * Hears of what is live right now, as opposed to what has finished (that is the access record):
 * client connections opening and closing, and AI event streams starting and ending. Called on
 * event loops, so an implementation only bumps a counter and never blocks.
 */
public interface ActivityListener {

    void connectionOpened();

    void connectionClosed();

    /** An AI event stream began to reach its client (its response head was written). */
    void streamStarted();

    /** That stream ended, completely or not. */
    void streamEnded();

    static ActivityListener none() {
        return None.INSTANCE;
    }

    /** The listener that ignores everything. */
    enum None implements ActivityListener {
        INSTANCE;

        @Override
        public void connectionOpened() {
        }

        @Override
        public void connectionClosed() {
        }

        @Override
        public void streamStarted() {
        }

        @Override
        public void streamEnded() {
        }
    }
}
