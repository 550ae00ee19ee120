package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.engine.admin.SeriesRequest;
import dev.gatehouse.engine.telemetry.Dimension;
import dev.gatehouse.engine.telemetry.Distribution;
import dev.gatehouse.engine.telemetry.KeyFigures;
import dev.gatehouse.engine.telemetry.MetricsSnapshot;
import dev.gatehouse.engine.telemetry.Resolution;
import dev.gatehouse.engine.telemetry.SeriesFilter;
import dev.gatehouse.engine.telemetry.SeriesPoint;
import dev.gatehouse.ui.shell.NotificationsViewModel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static dev.gatehouse.ui.dashboard.ScriptedControl.figures;
import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's range, filter and breakdown, and the log slices its clicks open; polled by hand. */
class DashboardSelectionTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:30Z");
    private static final Distribution NONE = Distribution.empty();

    private final ScriptedControl engine = new ScriptedControl();
    private final List<LogQuery> opened = new ArrayList<>();
    private final DashboardViewModel model = new DashboardViewModel(engine.control(), Runnable::run, Runnable::run,
            new NotificationsViewModel(Clock.fixed(T0, ZoneOffset.UTC)), opened::add);

    /** Two models: "large" with 70 requests (10 failed), "small" with 30. */
    private static MetricsSnapshot twoModels(Instant at, long scale) {
        Map<String, KeyFigures> models = Map.of(
                "large", new KeyFigures(70 * scale, Map.of("2xx", 60 * scale, "5xx", 10 * scale), Map.of(),
                        700 * scale, 1_400 * scale, 0, 0, 0, 0, NONE, NONE, NONE),
                "small", new KeyFigures(30 * scale, Map.of("2xx", 30 * scale), Map.of(), 30 * scale, 60 * scale,
                        0, 0, 0, 0, NONE, NONE, NONE));
        return new MetricsSnapshot(at, 2, 1, figures(100 * scale, 90 * scale, 730 * scale, 1_460 * scale, 0),
                Map.of(), Map.of(), Map.of(), models, Map.of());
    }

    private static SeriesPoint minute(Instant start, long requests, long errors, long p99Millis) {
        return new SeriesPoint(start, 60, requests, errors, errors, requests * 10, requests * 20, 0, 0, 1, 0,
                p99Millis * 500_000, p99Millis * 1_000_000, 0, 0);
    }

    @Test
    void aFilterShowsOneModelsRatesBetweenPolls() {
        model.resume();
        model.selectionProperty().set(DashboardSelection.DEFAULT.withFilter(SeriesFilter.of(Dimension.MODEL, "large")));
        engine.metrics = twoModels(T0, 1);
        model.poll();
        engine.metrics = twoModels(T0.plusSeconds(2), 3);
        model.poll();

        HeadlineFigures large = model.headlineProperty().get();
        assertThat(large.qps()).as("140 more requests of large in 2 s").isEqualTo(70.0);
        assertThat(large.errorRate()).isEqualTo(20.0 / 140);
        assertThat(large.totalInputTokens()).isEqualTo(2_100);
        assertThat(engine.seriesAsked).filteredOn(r -> r.filter().dimension() == null).isEmpty();
        assertThat(engine.seriesAsked).extracting(SeriesRequest::filter)
                .contains(SeriesFilter.of(Dimension.MODEL, "large"));
    }

    @Test
    void theLastHourShowsTheAveragesOfItsMinutes() {
        engine.metrics = twoModels(T0, 1);
        engine.seriesAnswer = request -> request.filter().dimension() != null ? List.of() : List.of(
                minute(T0.minusSeconds(150), 600, 60, 200), minute(T0.minusSeconds(90), 1_800, 0, 100));
        model.resume();
        model.selectionProperty().set(DashboardSelection.DEFAULT.withRange(DashboardRange.LAST_HOUR));

        HeadlineFigures hour = model.headlineProperty().get();
        assertThat(hour.qps()).as("2,400 requests in two minutes").isEqualTo(20.0);
        assertThat(hour.errorRate()).isEqualTo(60.0 / 2_400);
        assertThat(hour.latencyP99Millis()).as("request-weighted").isEqualTo((600 * 200 + 1_800 * 100) / 2_400);
        assertThat(hour.totalInputTokens()).isEqualTo(24_000);
        assertThat(hour.rateLimited()).isEqualTo(2);
        assertThat(model.qpsSparklineProperty().get()).containsExactly(10.0, 30.0);
        SeriesRequest asked = engine.seriesAsked.get(engine.seriesAsked.size() - 1);
        assertThat(asked.resolution()).isEqualTo(Resolution.MINUTE);
        assertThat(Duration.between(asked.from(), asked.to())).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aHistoryRangeAsksForItsMinutesOncePerMinuteNotEverySecond() {
        engine.metrics = twoModels(T0, 1);
        model.resume();
        model.selectionProperty().set(DashboardSelection.DEFAULT.withRange(DashboardRange.LAST_24_HOURS));
        int afterFirst = engine.seriesAsked.size();
        engine.metrics = twoModels(T0.plusSeconds(20), 1);
        model.poll();
        assertThat(engine.seriesAsked).as("same minute").hasSize(afterFirst);
        engine.metrics = twoModels(T0.plusSeconds(40), 1);
        model.poll();
        assertThat(engine.seriesAsked).as("a new minute began").hasSize(afterFirst * 2);
    }

    @Test
    void theBreakdownStacksTheBusiestKeysOnOneTimeline() {
        engine.metrics = twoModels(T0, 1);
        engine.seriesAnswer = request -> switch (String.valueOf(request.filter().key())) {
            case "large" -> List.of(second(T0.minusSeconds(2), 7), second(T0.minusSeconds(1), 9));
            case "small" -> List.of(second(T0.minusSeconds(1), 3));
            default -> List.of();
        };
        model.resume();
        model.poll();

        Breakdown breakdown = model.breakdownProperty().get();
        assertThat(breakdown.dimension()).isEqualTo(Dimension.MODEL);
        assertThat(breakdown.times()).containsExactly(T0.minusSeconds(2), T0.minusSeconds(1));
        assertThat(breakdown.bands()).extracting(Breakdown.Band::key).containsExactly("large", "small");
        assertThat(breakdown.bands().get(0).requestsPerSecond()).containsExactly(7, 9);
        assertThat(breakdown.bands().get(1).requestsPerSecond()).containsExactly(0, 3);
        assertThat(breakdown.bands().get(1).tokensPerSecond()).containsExactly(0, 90);
        assertThat(breakdown.keyAt(1, 10, false)).as("above large's 9: small's band").isEqualTo("small");
        assertThat(breakdown.keyAt(1, 13, false)).isNull();

        model.selectionProperty().set(model.selectionProperty().get().withBreakdown(Dimension.CONSUMER));
        assertThat(model.breakdownProperty().get().dimension()).isEqualTo(Dimension.CONSUMER);
        assertThat(model.breakdownProperty().get().bands()).as("no consumers seen").isEmpty();
    }

    @Test
    void clicksOpenTheLogsOnTheRecordsBehindTheFigure() {
        engine.metrics = twoModels(T0, 1);
        model.resume();
        model.selectionProperty().set(DashboardSelection.DEFAULT.withFilter(SeriesFilter.of(Dimension.MODEL, "large")));

        model.openLogs(LogSlice.ERRORS);
        model.openLogs(Dimension.CONSUMER, "team-a");
        model.openLogsOfEndpoint("10.0.0.7:8000");
        model.selectionProperty().set(model.selectionProperty().get().withRange(DashboardRange.LAST_HOUR));
        model.openLogs(LogSlice.RATE_LIMITED);

        LogQuery errors = opened.get(0);
        assertThat(errors.model()).isEqualTo("large");
        assertThat(errors.statusClasses()).containsExactly(4, 5);
        assertThat(errors.fromMillis()).isEqualTo(T0.minus(Duration.ofMinutes(5)).toEpochMilli());
        assertThat(errors.toMillis()).isGreaterThan(T0.toEpochMilli());
        assertThat(opened.get(1).consumer()).isEqualTo("team-a");
        assertThat(opened.get(1).model()).as("still within the filter").isEqualTo("large");
        assertThat(opened.get(2).upstreamHost()).isEqualTo("10.0.0.7:8000");
        LogQuery limited = opened.get(3);
        assertThat(limited.rateLimited()).isTrue();
        assertThat(limited.fromMillis()).as("whole minutes, as the hour's points")
                .isEqualTo(Instant.parse("2026-11-25T11:00:00Z").toEpochMilli());
    }

    private static SeriesPoint second(Instant start, long requests) {
        return new SeriesPoint(start, 1, requests, 0, 0, requests * 10, requests * 20, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
