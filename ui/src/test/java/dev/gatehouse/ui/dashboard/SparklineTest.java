package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.telemetry.SeriesPoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SparklineTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void aDayOfMinutesIsAveragedDownToWhatTheTileDraws() {
        List<SeriesPoint> day = new ArrayList<>();
        for (int minute = 0; minute < 1_440; minute++) {
            // 60 requests in even minutes, 180 in odd ones: 1 and 3 per second.
            day.add(new SeriesPoint(T0.plusSeconds(60L * minute), 60, minute % 2 == 0 ? 60 : 180,
                    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        }

        List<Double> line = Sparkline.of(day, DashboardViewModel.SPARKLINE_POINTS);

        assertThat(line).hasSize(288); // 5 minutes per value
        assertThat(line.get(0)).as("(1 + 3 + 1 + 3 + 1) / 5").isEqualTo(1.8);
        assertThat(line.get(1)).as("(3 + 1 + 3 + 1 + 3) / 5").isEqualTo(2.2);
    }

    @Test
    void fewPointsAreKeptOneByOne() {
        List<SeriesPoint> points = List.of(
                new SeriesPoint(T0, 1, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                new SeriesPoint(T0.plusSeconds(1), 1, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));

        assertThat(Sparkline.of(points, DashboardViewModel.SPARKLINE_POINTS)).containsExactly(4.0, 7.0);
        assertThat(StackedChart.niceCeiling(7.3)).isEqualTo(10);
        assertThat(StackedChart.niceCeiling(130)).isEqualTo(200);
        assertThat(StackedChart.niceCeiling(4_100)).isEqualTo(5_000);
    }
}
