package dev.gatehouse.engine.accesslog.query;

import dev.gatehouse.engine.accesslog.store.LatencyHistogram;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Sums per minute (from rollup rows or raw records) into {@link MinuteAggregate}s, oldest first. */
final class MinuteBuckets {

    private static final class Minute {
        long requests;
        long errors;
        long inputTokens;
        long outputTokens;
        final LatencyHistogram latency = new LatencyHistogram();
    }

    private final TreeMap<Long, Minute> minutes = new TreeMap<>();

    /** A raw record. */
    void add(long minute, int status, long durationMicros, long inputTokens, long outputTokens) {
        Minute m = minutes.computeIfAbsent(minute, k -> new Minute());
        m.requests++;
        m.errors += status >= 500 ? 1 : 0;
        m.inputTokens += inputTokens;
        m.outputTokens += outputTokens;
        m.latency.record(durationMicros);
    }

    /** A rollup row: one status class of one minute. */
    void addRollup(long minute, int statusClass, long requests, long inputTokens, long outputTokens, byte[] latency) {
        Minute m = minutes.computeIfAbsent(minute, k -> new Minute());
        m.requests += requests;
        m.errors += statusClass == 5 ? requests : 0;
        m.inputTokens += inputTokens;
        m.outputTokens += outputTokens;
        m.latency.addBytes(latency);
    }

    List<MinuteAggregate> aggregates() {
        List<MinuteAggregate> out = new ArrayList<>(minutes.size());
        minutes.forEach((minute, m) -> out.add(new MinuteAggregate(minute * 60_000, m.requests, m.errors,
                m.requests == 0 ? 0 : (double) m.errors / m.requests, m.latency.percentile(0.50) / 1_000.0,
                m.latency.percentile(0.99) / 1_000.0, m.inputTokens, m.outputTokens)));
        return out;
    }
}
