package dev.gatehouse.engine.telemetry.backend;

/** Where an endpoint's backend metrics stand. */
public enum ScrapeStatus {
    /** The endpoint has no metrics URL: there is nothing to show, which is not the same as zero. */
    NO_METRICS,
    /** A metrics URL is configured but no scrape has finished yet. */
    PENDING,
    /** The last scrape succeeded. */
    OK,
    /** The last scrape failed; the reading, if any, is from the last one that succeeded. */
    ERROR
}
