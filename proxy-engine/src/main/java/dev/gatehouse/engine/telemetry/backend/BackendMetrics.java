package dev.gatehouse.engine.telemetry.backend;

import dev.gatehouse.engine.upstream.Endpoint;
import dev.gatehouse.engine.upstream.UpstreamPool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The newest backend metrics of every configured endpoint, and the local GPUs, for the dashboard
 * and the admin API. Scrapers write, readers take a {@link #snapshot()}; the request path never
 * touches it. Every configured endpoint has an entry, those without a metrics URL included, so a
 * reader can tell "no metrics" from "no load".
 */
public final class BackendMetrics {

    /** A reading older than this many scrape intervals is marked stale. */
    public static final int STALE_AFTER_INTERVALS = 3;

    private final Clock clock;
    private Map<Key, Slot> slots = new LinkedHashMap<>(); // guarded by this
    private volatile LocalGpuReport localGpus = LocalGpuReport.PENDING;

    public BackendMetrics(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Makes {@code pools} (in this order) the endpoints tracked. An endpoint that stays, with the
     * same metrics URL, keeps its sample; the others start as pending or "no metrics".
     */
    public synchronized void track(List<UpstreamPool> pools) {
        Map<Key, Slot> next = new LinkedHashMap<>();
        for (UpstreamPool pool : pools) {
            Duration staleAfter = pool.config().metricsInterval().multipliedBy(STALE_AFTER_INTERVALS);
            for (Endpoint endpoint : pool.endpoints()) {
                Key key = new Key(pool.name(), endpoint.address());
                Slot before = slots.get(key);
                BackendSample sample = before != null && Objects.equals(before.sample.metricsUrl(), endpoint.metricsUrl())
                        ? before.sample
                        : endpoint.metricsUrl() == null
                                ? BackendSample.noMetrics(pool.name(), endpoint.address())
                                : BackendSample.pending(pool.name(), endpoint.address(), endpoint.metricsUrl());
                next.put(key, new Slot(sample, staleAfter));
            }
        }
        slots = next;
    }

    /**
     * Replaces the sample of {@code endpoint} in {@code pool} with {@code change} applied to it;
     * returns the new sample, or null when that endpoint is no longer configured (a scrape that
     * finished after a reload removed it).
     */
    synchronized BackendSample update(String pool, String endpoint, UnaryOperator<BackendSample> change) {
        Key key = new Key(pool, endpoint);
        Slot slot = slots.get(key);
        if (slot == null) {
            return null;
        }
        BackendSample next = change.apply(slot.sample);
        slots.put(key, new Slot(next, slot.staleAfter));
        return next;
    }

    public void updateLocalGpus(LocalGpuReport report) {
        localGpus = Objects.requireNonNull(report, "report");
    }

    /** Every tracked endpoint grouped by pool, with staleness judged now. */
    public BackendMetricsSnapshot snapshot() {
        Instant now = clock.instant();
        Map<String, List<BackendSample>> byPool = new LinkedHashMap<>();
        synchronized (this) {
            slots.forEach((key, slot) -> byPool.computeIfAbsent(key.pool, p -> new ArrayList<>())
                    .add(slot.sample.withStale(slot.sample.readingOlderThan(slot.staleAfter, now))));
        }
        List<PoolBackends> pools = byPool.entrySet().stream()
                .map(e -> new PoolBackends(e.getKey(), e.getValue())).toList();
        return new BackendMetricsSnapshot(now, pools, localGpus);
    }

    private record Key(String pool, String endpoint) {
    }

    private record Slot(BackendSample sample, Duration staleAfter) {
    }
}
