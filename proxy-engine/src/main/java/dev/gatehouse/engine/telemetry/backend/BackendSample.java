package dev.gatehouse.engine.telemetry.backend;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The backend metrics of one endpoint as the dashboard and admin API show them.
 *
 * @param pool           the pool's name
 * @param endpoint       the endpoint's {@code host:port}
 * @param metricsUrl     where its metrics are scraped, null for {@link ScrapeStatus#NO_METRICS}
 * @param status         how the last scrape went
 * @param reading        figures of the last successful scrape, null before the first
 * @param lastAttemptAt  when the last scrape finished, successful or not
 * @param lastSuccessAt  when the reading was taken
 * @param lastError      why the last scrape failed, null when it succeeded
 * @param skippedLines   malformed lines skipped on the last page read
 * @param stale          whether the reading is older than a few scrape intervals
 */
public record BackendSample(String pool, String endpoint, String metricsUrl, ScrapeStatus status,
                            BackendReading reading, Instant lastAttemptAt, Instant lastSuccessAt,
                            String lastError, int skippedLines, boolean stale) {

    public BackendSample {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(status, "status");
        if ((metricsUrl == null) != (status == ScrapeStatus.NO_METRICS)) {
            throw new IllegalArgumentException("a metrics URL is needed exactly when status is not NO_METRICS");
        }
        if (status == ScrapeStatus.ERROR && lastError == null) {
            throw new IllegalArgumentException("an ERROR sample needs its error");
        }
    }

    /** An endpoint that exposes no metrics. */
    public static BackendSample noMetrics(String pool, String endpoint) {
        return new BackendSample(pool, endpoint, null, ScrapeStatus.NO_METRICS, null, null, null, null, 0, false);
    }

    /** An endpoint whose metrics have not been scraped yet. */
    public static BackendSample pending(String pool, String endpoint, String metricsUrl) {
        return new BackendSample(pool, endpoint, metricsUrl, ScrapeStatus.PENDING, null, null, null, null, 0, false);
    }

    /** This endpoint after a scrape at {@code at} that read {@code newReading}. */
    public BackendSample succeeded(BackendReading newReading, int skipped, Instant at) {
        return new BackendSample(pool, endpoint, metricsUrl, ScrapeStatus.OK, Objects.requireNonNull(newReading),
                at, at, null, skipped, false);
    }

    /** This endpoint after a scrape at {@code at} that failed; the last good reading is kept. */
    public BackendSample failed(String error, int skipped, Instant at) {
        return new BackendSample(pool, endpoint, metricsUrl, ScrapeStatus.ERROR, reading, at, lastSuccessAt,
                Objects.requireNonNull(error, "error"), skipped, stale);
    }

    /** Whether there is a reading and it was taken more than {@code age} before {@code now}. */
    boolean readingOlderThan(Duration age, Instant now) {
        return lastSuccessAt != null && lastSuccessAt.plus(age).isBefore(now);
    }

    BackendSample withStale(boolean isStale) {
        return isStale == stale ? this
                : new BackendSample(pool, endpoint, metricsUrl, status, reading, lastAttemptAt, lastSuccessAt,
                        lastError, skippedLines, isStale);
    }
}
