package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.telemetry.MetricsSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Live requests per second per endpoint ({@code host:port}) for the topology; asked once per poll,
 * off the FX thread. {@link #fromSnapshots} turns the engine's cumulative telemetry into rates.
 */
@FunctionalInterface
public interface QpsSource {

    Map<String, Double> qpsByAddress();

    /** No telemetry: every endpoint shows 0 requests per second. */
    static QpsSource none() {
        return Map::of;
    }

    /**
     * Rates from successive snapshots (for example {@code control::metrics}): each endpoint's
     * requests since the previous snapshot over the time between them; empty on the first call.
     */
    static QpsSource fromSnapshots(Supplier<MetricsSnapshot> snapshots) {
        return new QpsSource() {
            private Instant lastTakenAt;
            private Map<String, Long> lastRequests = Map.of();

            @Override
            public synchronized Map<String, Double> qpsByAddress() {
                MetricsSnapshot snapshot = snapshots.get();
                Map<String, Long> requests = new HashMap<>();
                snapshot.endpoints().forEach((address, figures) -> requests.put(address, figures.requests()));
                Map<String, Double> rates = lastTakenAt == null ? Map.of()
                        : rates(lastRequests, requests, Duration.between(lastTakenAt, snapshot.takenAt()));
                lastTakenAt = snapshot.takenAt();
                lastRequests = requests;
                return rates;
            }
        };
    }

    /** Requests per second between two cumulative counts taken {@code between} apart. */
    static Map<String, Double> rates(Map<String, Long> before, Map<String, Long> after, Duration between) {
        double seconds = between.toNanos() / 1e9;
        Map<String, Double> rates = new HashMap<>();
        if (seconds <= 0) {
            return rates;
        }
        after.forEach((address, count) -> {
            // A restarted engine counts from zero again: show no rate rather than a negative one.
            long delta = count - before.getOrDefault(address, 0L);
            rates.put(address, delta < 0 ? 0.0 : delta / seconds);
        });
        return rates;
    }

}
