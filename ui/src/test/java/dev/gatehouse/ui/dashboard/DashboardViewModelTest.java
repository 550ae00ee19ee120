package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.engine.admin.ControlException;
import dev.gatehouse.engine.health.HealthState;
import dev.gatehouse.engine.telemetry.Distribution;
import dev.gatehouse.engine.telemetry.KeyFigures;
import dev.gatehouse.engine.telemetry.MetricsSnapshot;
import dev.gatehouse.engine.telemetry.SeriesPoint;
import dev.gatehouse.engine.telemetry.backend.BackendReading;
import dev.gatehouse.engine.telemetry.backend.BackendSample;
import dev.gatehouse.engine.telemetry.backend.GpuSample;
import dev.gatehouse.engine.telemetry.backend.GpuSummary;
import dev.gatehouse.engine.telemetry.backend.MetricsKind;
import dev.gatehouse.engine.telemetry.backend.PoolBackends;
import dev.gatehouse.engine.telemetry.backend.ScrapeStatus;
import dev.gatehouse.ui.shell.Notice;
import dev.gatehouse.ui.shell.NotificationsViewModel;
import dev.gatehouse.ui.testing.FakeGatewayControl;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static dev.gatehouse.ui.dashboard.ScriptedControl.figures;
import static dev.gatehouse.ui.dashboard.ScriptedControl.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The dashboard's figures from scripted engine answers, polled by hand (both executors run inline). */
class DashboardViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    private final ScriptedControl engine = new ScriptedControl();
    private final NotificationsViewModel notifications =
            new NotificationsViewModel(Clock.fixed(T0, ZoneOffset.UTC));
    private final List<Runnable> fxTasks = new ArrayList<>();
    private final List<LogQuery> opened = new ArrayList<>();
    private final DashboardViewModel model =
            new DashboardViewModel(engine.control(), Runnable::run, fxTasks::add, notifications, opened::add);

    /** One poll with everything the engine answered applied in the fx tasks it queued. */
    private void poll(MetricsSnapshot metrics) {
        engine.metrics = metrics;
        model.poll();
        runFx();
    }

    private void runFx() {
        List<Runnable> tasks = List.copyOf(fxTasks);
        fxTasks.clear();
        tasks.forEach(Runnable::run);
    }

    @Test
    void ratesAreTakenBetweenTwoPollsAndAppliedInOneFxTask() {
        model.resume();
        poll(snapshot(T0, figures(1_000, 990, 50_000, 100_000, 0)));
        engine.metrics = snapshot(T0.plusSeconds(2), figures(1_200, 1_180, 50_400, 100_800, 0));
        model.poll();

        assertThat(fxTasks).hasSize(1);
        assertThat(model.headlineProperty().get().totalRequests()).as("nothing shown before the fx task").isEqualTo(1_000);
        runFx();
        HeadlineFigures now = model.headlineProperty().get();
        assertThat(now.qps()).isEqualTo(100.0);
        assertThat(now.inputTokensPerSecond()).isEqualTo(200.0);
        assertThat(now.outputTokensPerSecond()).isEqualTo(400.0);
        assertThat(now.errorRate()).isCloseTo(0.05, within(1e-9));
        assertThat(now.successRate()).isCloseTo(0.95, within(1e-9));
        assertThat(now.activeConnections()).isEqualTo(3);
        assertThat(now.activeStreams()).isEqualTo(1);
        assertThat(notifications.shown()).as("exactly at the thresholds is no alert").isEmpty();
    }

    @Test
    void anIntervalWithoutRequestsHasNoErrorRateRatherThanZero() {
        model.resume();
        poll(snapshot(T0, figures(10, 10, 0, 0, 0)));
        poll(snapshot(T0.plusSeconds(1), figures(10, 10, 0, 0, 0)));

        assertThat(model.headlineProperty().get().qps()).isZero();
        assertThat(model.headlineProperty().get().errorRate()).isNaN();
        assertThat(model.headlineProperty().get().cacheHitRate()).isNaN();
    }

    @Test
    void aHighErrorRateOverTheLastMinuteIsNotifiedOncePerCrossing() {
        model.resume();
        long[] totals = {0, 0};
        poll(snapshot(T0, figures(0, 0, 0, 0, 0)));
        // 100 requests a second: 10 % failing for 30 s, healthy for 90 s, failing again for 40 s.
        int second = 0;
        List<Boolean> alerting = new ArrayList<>();
        for (int[] phase : new int[][] {{30, 10}, {90, 0}, {40, 10}}) {
            for (int i = 0; i < phase[0]; i++) {
                totals[0] += 100;
                totals[1] += 100 - phase[1];
                poll(snapshot(T0.plusSeconds(++second), figures(totals[0], totals[1], 0, 0, 0)));
                alerting.add(model.alerting("error-rate"));
            }
        }

        assertThat(alerting.subList(0, 30)).as("failing").containsOnly(true);
        // At second t of the healthy phase the minute holds 90 - t failing seconds: over 5 % until t = 60.
        assertThat(alerting.get(58 - 1)).as("second 58: 32 failing seconds in the minute").isTrue();
        assertThat(alerting.get(62 - 1)).as("second 62: 28 failing seconds, 4.7 %").isFalse();
        assertThat(alerting.get(120 - 1)).as("a clean minute").isFalse();
        assertThat(alerting.get(160 - 1)).as("40 failing seconds in the minute: 6.7 %").isTrue();
        assertThat(notifications.shown()).as("one notification per crossing, both request alerts in one")
                .extracting(Notice::title).containsExactly("Error rate high", "Error rate high");
        assertThat(notifications.shown().get(0).detail())
                .isEqualTo("10.0 % of requests failed in the last minute (alert over 5 %). 90.0 % succeeded (alert under 95 %).");
    }

    @Test
    void aFewFailuresAmongFewRequestsRaiseNoAlert() {
        model.resume();
        poll(snapshot(T0, figures(0, 0, 0, 0, 0)));
        // 3 requests a second, one of them failing: 33 %, but 20 requests make the first rate worth telling.
        for (int i = 1; i <= 6; i++) {
            poll(snapshot(T0.plusSeconds(i), figures(3L * i, 2L * i, 0, 0, 0)));
        }
        assertThat(model.headlineProperty().get().errorRate()).as("18 requests: too few to tell").isNaN();
        assertThat(notifications.shown()).isEmpty();

        poll(snapshot(T0.plusSeconds(7), figures(21, 14, 0, 0, 0)));
        assertThat(model.headlineProperty().get().errorRate()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(notifications.shown()).hasSize(1);
    }

    @Test
    void gpuGaugesSayNoMetricsInsteadOfZeroAndAlertAfterFiveMinutesOver85Percent() {
        model.resume();
        for (int second = 0; second <= 300; second += 60) {
            Instant at = T0.plusSeconds(second);
            engine.backends = ScriptedControl.backends(at, List.of(new PoolBackends("gpu", List.of(
                    BackendSample.noMetrics("gpu", "10.0.0.1:8000"),
                    BackendSample.pending("gpu", "10.0.0.2:8000", "http://10.0.0.2:8000/metrics")
                            .succeeded(busyGpu(), 0, at)))));
            poll(snapshot(at, figures(0, 0, 0, 0, 0)));
            assertThat(notifications.shown()).as("after %d s", second).hasSize(second < 300 ? 0 : 1);
        }

        List<GpuGauge> gauges = model.gpusProperty().get();
        assertThat(gauges).hasSize(2);
        GpuGauge silent = gauges.get(0);
        assertThat(silent.status()).isEqualTo(ScrapeStatus.NO_METRICS);
        assertThat(silent.hasMetrics()).isFalse();
        assertThat(silent.utilPercent()).isNull();
        GpuGauge busy = gauges.get(1);
        assertThat(busy.utilPercent()).isEqualTo(90.0);
        assertThat(busy.memoryUsedMib()).isEqualTo(60_000.0);
        assertThat(busy.memoryTotalMib()).isEqualTo(80_000.0);
        assertThat(busy.running()).isEqualTo(12);
        assertThat(busy.waiting()).isEqualTo(3);
        assertThat(busy.kvCacheUsage()).isEqualTo(0.4);
        assertThat(notifications.shown().get(0).detail()).contains("10.0.0.2:8000");
        assertThat(model.alerting("gpu:gpu/10.0.0.2:8000")).isTrue();

        poll(snapshot(T0.plusSeconds(360), figures(0, 0, 0, 0, 0)));
        assertThat(notifications.shown()).as("still busy: no second notification").hasSize(1);
    }

    @Test
    void anEngineWithoutBackendMetricsShowsEveryEndpointWithoutMetrics() {
        engine.health = List.of(FakeGatewayControl.pool("chat", HealthState.HEALTHY, HealthState.EJECTED, HealthState.RAMPING_UP));
        model.resume();
        poll(snapshot(T0, figures(0, 0, 0, 0, 0)));

        assertThat(model.gpusProperty().get()).extracting(GpuGauge::endpoint, GpuGauge::hasMetrics).containsExactly(
                org.assertj.core.groups.Tuple.tuple("10.0.0.1:8000", false),
                org.assertj.core.groups.Tuple.tuple("10.0.0.2:8000", false),
                org.assertj.core.groups.Tuple.tuple("10.0.0.3:8000", false));
        assertThat(model.poolHealthProperty().get()).containsExactly(new PoolHealthCount("chat", 2, 1));
    }

    @Test
    void sparklineLeaderBoardsAndPoolHealthComeFromTheSamePoll() {
        engine.series = List.of(point(T0.minusSeconds(2), 40), point(T0.minusSeconds(1), 55));
        Distribution none = Distribution.empty();
        Map<String, KeyFigures> models = Map.of(
                "small", new KeyFigures(30, Map.of(), Map.of(), 300, 600, 0, 0, 0, 0, none, none, none),
                "large", new KeyFigures(70, Map.of(), Map.of(), 7_000, 14_000, 0, 0, 0, 0, none, none, none));
        model.resume();
        poll(new MetricsSnapshot(T0, 0, 0, figures(100, 100, 7_300, 14_600, 0), Map.of(), Map.of(), Map.of(),
                models, Map.of()));

        assertThat(model.qpsSparklineProperty().get()).containsExactly(40.0, 55.0);
        assertThat(model.topModelsProperty().get()).containsExactly(
                new LeaderEntry("large", 70, 7_000, 14_000), new LeaderEntry("small", 30, 300, 600));
        assertThat(model.topConsumersProperty().get()).isEmpty();
    }

    @Test
    void aPausedDashboardDoesNotAskTheEngine() {
        model.poll();
        assertThat(engine.metricsReads).hasValue(0);
        assertThat(fxTasks).isEmpty();

        model.resume();
        poll(snapshot(T0, figures(0, 0, 0, 0, 0)));
        assertThat(engine.metricsReads).hasValue(1);

        model.pause();
        runFx();
        model.poll();
        assertThat(engine.metricsReads).hasValue(1);
    }

    @Test
    void anEngineThatStopsAnsweringKeepsTheLastFiguresAndSaysWhy() {
        model.resume();
        poll(snapshot(T0, figures(42, 42, 0, 0, 0)));
        engine.failure = new ControlException(ControlException.Kind.UNAVAILABLE, "connection refused");
        model.poll();
        runFx();

        assertThat(model.problemProperty().get()).contains("connection refused");
        assertThat(model.headlineProperty().get().totalRequests()).isEqualTo(42);

        engine.failure = null;
        poll(snapshot(T0.plusSeconds(1), figures(43, 43, 0, 0, 0)));
        assertThat(model.problemProperty().get()).isEmpty();
    }

    private static BackendReading busyGpu() {
        GpuSample gpu = new GpuSample(0, "GPU-1", "H100", 90.0, 60_000.0, 20_000.0, null);
        return new BackendReading(List.of(MetricsKind.DCGM, MetricsKind.VLLM), List.of(gpu),
                GpuSummary.of(List.of(gpu)), 12, 3, 0.4);
    }

    private static SeriesPoint point(Instant start, long requests) {
        return new SeriesPoint(start, 1, requests, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
