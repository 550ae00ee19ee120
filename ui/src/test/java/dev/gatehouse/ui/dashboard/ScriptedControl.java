package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.admin.ControlException;
import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.admin.SeriesRequest;
import dev.gatehouse.engine.admin.PoolHealth;
import dev.gatehouse.engine.telemetry.Distribution;
import dev.gatehouse.engine.telemetry.KeyFigures;
import dev.gatehouse.engine.telemetry.MetricsSnapshot;
import dev.gatehouse.engine.telemetry.SeriesPoint;
import dev.gatehouse.engine.telemetry.backend.BackendMetricsSnapshot;
import dev.gatehouse.engine.telemetry.backend.LocalGpuReport;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The four engine calls the dashboard makes, answered with what the test scripted; any other
 * call fails the test. Counts metrics reads, to see that a paused dashboard does not poll.
 */
final class ScriptedControl {

    volatile MetricsSnapshot metrics = snapshot(Instant.parse("2026-11-25T12:00:00Z"), figures(0, 0, 0, 0, 0));
    volatile List<SeriesPoint> series = List.of();
    /** Answers series requests; by default {@link #series} whatever was asked. */
    volatile Function<SeriesRequest, List<SeriesPoint>> seriesAnswer = request -> series;
    final List<SeriesRequest> seriesAsked = new CopyOnWriteArrayList<>();
    volatile BackendMetricsSnapshot backends;
    volatile List<PoolHealth> health = List.of();
    volatile RuntimeException failure;
    final AtomicInteger metricsReads = new AtomicInteger();

    GatewayControl control() {
        return (GatewayControl) Proxy.newProxyInstance(GatewayControl.class.getClassLoader(),
                new Class<?>[] {GatewayControl.class}, (proxy, method, args) -> {
                    if (failure != null) {
                        throw failure;
                    }
                    return switch (method.getName()) {
                        case "metrics" -> {
                            metricsReads.incrementAndGet();
                            yield metrics;
                        }
                        case "series" -> {
                            seriesAsked.add((SeriesRequest) args[0]);
                            yield seriesAnswer.apply((SeriesRequest) args[0]);
                        }
                        case "backends" -> {
                            if (backends == null) {
                                throw new ControlException(ControlException.Kind.NOT_FOUND, "no backend metrics");
                            }
                            yield backends;
                        }
                        case "endpointHealth" -> health;
                        default -> throw new AssertionError("the dashboard must not call " + method.getName());
                    };
                });
    }

    /** Totals: {@code requests} of which {@code ok} answered 2xx and the rest 5xx, with the tokens given. */
    static KeyFigures figures(long requests, long ok, long inputTokens, long outputTokens, long cacheHits) {
        Distribution none = Distribution.empty();
        return new KeyFigures(requests, Map.of("2xx", ok, "5xx", requests - ok), Map.of(), inputTokens, outputTokens,
                requests, cacheHits, 0, 0, none, none, none);
    }

    static MetricsSnapshot snapshot(Instant at, KeyFigures total) {
        return new MetricsSnapshot(at, 3, 1, total, Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    static BackendMetricsSnapshot backends(Instant at, List<dev.gatehouse.engine.telemetry.backend.PoolBackends> pools) {
        return new BackendMetricsSnapshot(at, pools, LocalGpuReport.PENDING);
    }
}
