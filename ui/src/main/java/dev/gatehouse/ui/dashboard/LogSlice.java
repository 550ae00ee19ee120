package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.accesslog.query.LogQuery;

/**
 * Which records a headline tile stands for, when the user clicks it to open the log explorer:
 * the dashboard's range and filter, narrowed by the tile's own condition.
 */
public enum LogSlice {
    ALL,
    ERRORS,
    SLOW,
    STREAMS,
    CACHE_HITS,
    RATE_LIMITED,
    FALLBACKS;

    /** {@code query} narrowed to this slice; {@code p99Millis} is the latency that counts as slow. */
    LogQuery.Builder narrow(LogQuery.Builder query, long p99Millis) {
        return switch (this) {
            case ALL -> query;
            case ERRORS -> query.statusClasses(4, 5);
            case SLOW -> query.minDurationMillis(p99Millis);
            case STREAMS -> query.responseType("stream");
            case CACHE_HITS -> query.cacheStatus("hit");
            case RATE_LIMITED -> query.rateLimited(true);
            case FALLBACKS -> query.fallback(true);
        };
    }
}
