package dev.gatehouse.engine.accesslog.store;

import java.nio.file.Path;

/** Hears what the access log store does on its own: files set aside as corrupt, writes that failed. */
public interface StoreListener {

    /**
     * A corrupt or unreadable database file, or one of another schema version, was moved to
     * {@code movedTo} and a new one started.
     */
    default void fileSetAside(Path original, Path movedTo, String reason) {
    }

    /** A batch of records could not be written (they are counted as dropped). */
    default void writeFailed(String message) {
    }

    static StoreListener none() {
        return new StoreListener() { };
    }
}
