package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.telemetry.KeyFigures;
import dev.gatehouse.engine.telemetry.MetricsSnapshot;

import java.time.Duration;

/**
 * The dashboard's headline tiles for one poll: rates over the time between two snapshots (so a
 * figure is "now", not "since start"), latency percentiles since start, and the live gauges.
 * Rates are per second; {@code errorRate}, {@code successRate} and {@code cacheHitRate} are 0..1,
 * and NaN when nothing happened in the interval (the tile shows a dash, not a misleading 0).
 */
public record HeadlineFigures(double qps, double inputTokensPerSecond, double outputTokensPerSecond,
                              double errorRate, double successRate, double cacheHitRate,
                              long latencyP50Millis, long latencyP99Millis, long firstTokenP50Millis,
                              long activeConnections, long activeStreams, long rateLimited, long fallbacks,
                              long totalInputTokens, long totalOutputTokens, long totalRequests) {

    /** Nothing polled yet. */
    public static final HeadlineFigures NONE = new HeadlineFigures(0, 0, 0, Double.NaN, Double.NaN, Double.NaN,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The figures of {@code now}, with rates taken against {@code before} (null on the first poll: rates 0). */
    public static HeadlineFigures between(MetricsSnapshot before, MetricsSnapshot now) {
        KeyFigures total = now.total();
        KeyFigures previous = before == null ? total : before.total();
        double seconds = before == null ? 0
                : Duration.between(before.takenAt(), now.takenAt()).toNanos() / 1e9;
        long requests = total.requests() - previous.requests();
        long errors = total.errors() - previous.errors();
        long successes = total.responses("2xx") - previous.responses("2xx");
        long lookups = total.cacheLookups() - previous.cacheLookups();
        long hits = total.cacheHits() - previous.cacheHits();
        return new HeadlineFigures(
                rate(requests, seconds),
                rate(total.inputTokens() - previous.inputTokens(), seconds),
                rate(total.outputTokens() - previous.outputTokens(), seconds),
                ratio(errors, requests), ratio(successes, requests), ratio(hits, lookups),
                millis(total.latency().p50Nanos()), millis(total.latency().p99Nanos()),
                millis(total.firstToken().p50Nanos()),
                now.activeConnections(), now.activeStreams(), total.rateLimited(), total.fallbacks(),
                total.inputTokens(), total.outputTokens(), total.requests());
    }

    private static double rate(long count, double seconds) {
        // A counter that went down means the engine restarted: no meaningful rate for this interval.
        return seconds <= 0 || count < 0 ? 0 : count / seconds;
    }

    private static double ratio(long part, long whole) {
        return whole <= 0 ? Double.NaN : (double) part / whole;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
