package dev.gatehouse.engine.accesslog;

/**
 * Where finished requests go: telemetry and the SQLite access log (telemetry issue). Called on
 * an event loop for every request, so an implementation must only hand the record over (a
 * bounded queue, a lock-free counter) and never block.
 */
@FunctionalInterface
public interface AccessRecordSink {

    void accept(AccessRecord record);

    static AccessRecordSink none() {
        return record -> { };
    }

    /** Hands each record to {@code first}, then to {@code second} even if {@code first} failed. */
    static AccessRecordSink both(AccessRecordSink first, AccessRecordSink second) {
        return record -> {
            try {
                first.accept(record);
            } finally {
                second.accept(record);
            }
        };
    }
}
