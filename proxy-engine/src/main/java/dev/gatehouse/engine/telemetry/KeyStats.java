package dev.gatehouse.engine.telemetry;

import dev.gatehouse.engine.accesslog.AccessRecord;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The running figures of one key of one dimension (or of all traffic): counters and latency
 * histograms, updated by many event loops at once without locks.
 */
final class KeyStats {

    /** Distinct gateway error types kept apart; {@code response_code_details} is not client input, but bound it anyway. */
    private static final int MAX_ERROR_TYPES = 32;

    /** The counters the time series follow, in {@link #readSeriesCounters} order. */
    static final int SERIES_COUNTERS = 9;
    /** Length of the array {@link #readForSeries} fills: counters, then latency and first-token buckets. */
    static final int SERIES_WIDTH = SERIES_COUNTERS + 2 * LatencyBuckets.COUNT;

    private final LongAdder requests = new LongAdder();
    private final Map<Outcome.StatusClass, LongAdder> byClass = new EnumMap<>(Outcome.StatusClass.class);
    private final BoundedMap<LongAdder> gatewayErrors = new BoundedMap<>(MAX_ERROR_TYPES, LongAdder::new);
    private final LongAdder inputTokens = new LongAdder();
    private final LongAdder outputTokens = new LongAdder();
    private final LongAdder cacheLookups = new LongAdder();
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder fallbacks = new LongAdder();
    private final LatencyRecorder latency = new LatencyRecorder();
    private final LatencyRecorder upstream = new LatencyRecorder();
    private final LatencyRecorder firstToken = new LatencyRecorder();

    KeyStats() {
        for (Outcome.StatusClass statusClass : Outcome.StatusClass.values()) {
            byClass.put(statusClass, new LongAdder());
        }
    }

    void add(AccessRecord record, Outcome outcome) {
        requests.increment();
        byClass.get(outcome.statusClass()).increment();
        if (outcome.gatewayError() != null) {
            gatewayErrors.get(outcome.gatewayError()).increment();
        }
        if (record.inputTokens() > 0) {
            inputTokens.add(record.inputTokens());
        }
        if (record.outputTokens() > 0) {
            outputTokens.add(record.outputTokens());
        }
        if (outcome.cacheLookup()) {
            cacheLookups.increment();
            if (outcome.cacheHit()) {
                cacheHits.increment();
            }
        }
        if (outcome.rateLimited()) {
            rateLimited.increment();
        }
        if (outcome.fallback()) {
            fallbacks.increment();
        }
        if (outcome.latencyBucket() >= 0) {
            latency.record(outcome.latencyBucket(), record.durationNanos());
        }
        if (outcome.upstreamBucket() >= 0) {
            upstream.record(outcome.upstreamBucket(), record.upstreamServiceNanos());
        }
        if (outcome.firstTokenBucket() >= 0) {
            firstToken.record(outcome.firstTokenBucket(), record.firstTokenNanos());
        }
    }

    /** The figures as they are now. */
    KeyFigures figures() {
        Map<String, Long> classes = new LinkedHashMap<>();
        byClass.forEach((statusClass, count) -> classes.put(statusClass.label, count.sum()));
        Map<String, Long> errors = new TreeMap<>();
        gatewayErrors.forEach((type, count) -> errors.put(type, count.sum()));
        return new KeyFigures(requests.sum(), classes, errors, inputTokens.sum(), outputTokens.sum(),
                cacheLookups.sum(), cacheHits.sum(), rateLimited.sum(), fallbacks.sum(),
                latency.distribution(), upstream.distribution(), firstToken.distribution());
    }

    /** The cumulative figures the time series difference each second, into {@code target} ({@link #SERIES_WIDTH} long). */
    void readForSeries(long[] target) {
        readSeriesCounters(target);
        latency.copyCounts(target, SERIES_COUNTERS);
        firstToken.copyCounts(target, SERIES_COUNTERS + LatencyBuckets.COUNT);
    }

    private void readSeriesCounters(long[] target) {
        target[0] = requests.sum();
        target[1] = byClass.get(Outcome.StatusClass.CLIENT_ERROR).sum() + byClass.get(Outcome.StatusClass.SERVER_ERROR).sum()
                + byClass.get(Outcome.StatusClass.NO_RESPONSE).sum();
        target[2] = byClass.get(Outcome.StatusClass.SERVER_ERROR).sum();
        target[3] = inputTokens.sum();
        target[4] = outputTokens.sum();
        target[5] = cacheLookups.sum();
        target[6] = cacheHits.sum();
        target[7] = rateLimited.sum();
        target[8] = fallbacks.sum();
    }
}
