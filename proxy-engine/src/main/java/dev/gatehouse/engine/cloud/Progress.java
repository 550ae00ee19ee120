package dev.gatehouse.engine.cloud;

/** Told how a long cloud operation advances, for a progress bar and a status line. */
@FunctionalInterface
public interface Progress {

    /**
     * @param fraction between 0 and 1, or -1 when unknown
     * @param status   what the cloud says now, for people (for example "job RUNNING, 40 %")
     */
    void report(double fraction, String status);

    static Progress ignore() {
        return (fraction, status) -> { };
    }
}
