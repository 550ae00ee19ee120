package dev.gatehouse.engine.telemetry;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One point of a time series: what happened from {@code start} for {@code seconds} seconds.
 * Percentiles are 0 when there was nothing to measure.
 *
 * @param errors       requests that ended in a 4xx, a 5xx or no response
 * @param serverErrors of those, the 5xx
 */
public record SeriesPoint(Instant start, int seconds, long requests, long errors, long serverErrors,
                          long inputTokens, long outputTokens, long cacheLookups, long cacheHits, long rateLimited,
                          long fallbacks, long latencyP50Nanos, long latencyP99Nanos, long firstTokenP50Nanos,
                          long firstTokenP99Nanos) {

    public SeriesPoint {
        requireNonNull(start, "start");
        if (seconds < 1) {
            throw new IllegalArgumentException("seconds must be >= 1, got " + seconds);
        }
    }

    public double requestsPerSecond() {
        return (double) requests / seconds;
    }

    public double inputTokensPerSecond() {
        return (double) inputTokens / seconds;
    }

    public double outputTokensPerSecond() {
        return (double) outputTokens / seconds;
    }

    /** Errors per request, 0 without requests. */
    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }

    /** Hits per cache lookup, 0 without lookups. */
    public double cacheHitRate() {
        return cacheLookups == 0 ? 0 : (double) cacheHits / cacheLookups;
    }
}
