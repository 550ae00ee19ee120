package dev.gatehouse.engine.accesslog.query;

/** Told how far an export got, and asked whether to stop; called on the exporting thread. */
public interface ExportProgress {

    /** Called every few thousand records and at the end with the number written so far. */
    default void written(long records) {
    }

    /** Checked before each record: true stops the export where it is. */
    default boolean cancelled() {
        return false;
    }

    static ExportProgress none() {
        return new ExportProgress() { };
    }
}
