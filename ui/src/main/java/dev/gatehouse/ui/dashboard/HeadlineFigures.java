package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.telemetry.Distribution;
import dev.gatehouse.engine.telemetry.KeyFigures;
import dev.gatehouse.engine.telemetry.MetricsSnapshot;
import dev.gatehouse.engine.telemetry.SeriesFilter;
import dev.gatehouse.engine.telemetry.SeriesPoint;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's headline tiles for one poll: rates over the time between two snapshots (so a
 * figure is "now", not "since start"), latency percentiles since start, and the live gauges.
 * Rates are per second; {@code errorRate}, {@code successRate} and {@code cacheHitRate} are 0..1,
 * and NaN when nothing happened in the interval (the tile shows a dash, not a misleading 0).
 * Over a history range ({@link #over}) every figure is the range's: rates and ratios over its
 * points, latencies the request-weighted mean of its minutes' percentiles, counts and totals summed.
 */
public record HeadlineFigures(double qps, double inputTokensPerSecond, double outputTokensPerSecond,
                              double errorRate, double successRate, double cacheHitRate,
                              long latencyP50Millis, long latencyP99Millis, long firstTokenP50Millis,
                              long activeConnections, long activeStreams, long rateLimited, long fallbacks,
                              long totalInputTokens, long totalOutputTokens, long totalRequests) {

    /** Nothing polled yet. */
    public static final HeadlineFigures NONE = new HeadlineFigures(0, 0, 0, Double.NaN, Double.NaN, Double.NaN,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private static final KeyFigures NOTHING = new KeyFigures(0, Map.of(), Map.of(), 0, 0, 0, 0, 0, 0,
            Distribution.empty(), Distribution.empty(), Distribution.empty());

    /**
     * The figures of {@code now} for all traffic or one route, model or consumer, with rates taken
     * against {@code before} (null on the first poll: rates 0).
     */
    public static HeadlineFigures between(MetricsSnapshot before, MetricsSnapshot now, SeriesFilter filter) {
        KeyFigures total = of(now, filter);
        KeyFigures previous = before == null ? total : of(before, filter);
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

    /** The figures of a history range from its points; connections and streams are {@code now}'s. */
    public static HeadlineFigures over(List<SeriesPoint> points, MetricsSnapshot now) {
        long requests = 0, errors = 0, input = 0, output = 0, lookups = 0, hits = 0, limited = 0, fallbacks = 0;
        long seconds = 0;
        double p50 = 0, p99 = 0, firstToken = 0;
        long firstTokenWeight = 0;
        for (SeriesPoint point : points) {
            requests += point.requests();
            errors += point.errors();
            input += point.inputTokens();
            output += point.outputTokens();
            lookups += point.cacheLookups();
            hits += point.cacheHits();
            limited += point.rateLimited();
            fallbacks += point.fallbacks();
            seconds += point.seconds();
            p50 += (double) point.latencyP50Nanos() * point.requests();
            p99 += (double) point.latencyP99Nanos() * point.requests();
            if (point.firstTokenP50Nanos() > 0) {
                firstToken += (double) point.firstTokenP50Nanos() * point.requests();
                firstTokenWeight += point.requests();
            }
        }
        return new HeadlineFigures(rate(requests, seconds), rate(input, seconds), rate(output, seconds),
                ratio(errors, requests), ratio(requests - errors, requests), ratio(hits, lookups),
                weightedMillis(p50, requests), weightedMillis(p99, requests),
                weightedMillis(firstToken, firstTokenWeight), now.activeConnections(), now.activeStreams(),
                limited, fallbacks, input, output, requests);
    }

    /** These figures with the error and success rates of a longer window (NaN: too few requests to tell). */
    public HeadlineFigures withRates(double errors, double successes) {
        return new HeadlineFigures(qps, inputTokensPerSecond, outputTokensPerSecond, errors, successes, cacheHitRate,
                latencyP50Millis, latencyP99Millis, firstTokenP50Millis, activeConnections, activeStreams, rateLimited,
                fallbacks, totalInputTokens, totalOutputTokens, totalRequests);
    }

    /** The figures of {@code filter}'s key in {@code snapshot}, zero when it has none yet. */
    static KeyFigures of(MetricsSnapshot snapshot, SeriesFilter filter) {
        return filter.dimension() == null ? snapshot.total()
                : snapshot.by(filter.dimension()).getOrDefault(filter.key(), NOTHING);
    }

    private static long weightedMillis(double weightedNanos, long weight) {
        return weight == 0 ? 0 : Math.round(weightedNanos / weight / 1_000_000);
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
