package dev.gatehouse.engine.telemetry.backend;

/** Why a metrics page could not be fetched, in words fit for the dashboard. */
public final class ScrapeException extends RuntimeException {

    public ScrapeException(String message) {
        super(message, null, false, false);
    }
}
