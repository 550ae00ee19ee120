package dev.gatehouse.ui.logs;

import dev.gatehouse.engine.accesslog.query.SlotCounts;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HistogramTest {

    private static final long MINUTE = 60_000;
    private static final long T0 = 1_764_072_000_000L; // a whole hour

    @Test
    void eachSlotIsStackedAsSuccessesClientErrorsAndServerErrorsWithEmptySlotsShown() {
        List<SlotCounts> counts = List.of(new SlotCounts(T0, 5, 3, 2), new SlotCounts(T0 + 2 * MINUTE, 5, 0, 0));

        List<HistogramBar> bars = Histogram.bars(T0, T0 + 3 * MINUTE, counts);

        assertThat(bars).containsExactly(new HistogramBar(T0, T0 + MINUTE, 5, 3, 2),
                new HistogramBar(T0 + MINUTE, T0 + 2 * MINUTE, 0, 0, 0),
                new HistogramBar(T0 + 2 * MINUTE, T0 + 3 * MINUTE, 5, 0, 0));
    }

    @Test
    void aDayHasFifteenMinuteBarsAndCountsOutsideTheRangeAreLeftOut() {
        List<SlotCounts> counts = List.of(new SlotCounts(T0 - 15 * MINUTE, 7, 0, 0), new SlotCounts(T0, 9, 0, 1),
                new SlotCounts(T0 + 1_425 * MINUTE, 0, 1, 1));

        List<HistogramBar> bars = Histogram.bars(T0, T0 + 1_440 * MINUTE, counts);

        assertThat(bars).hasSize(96);
        assertThat(bars.get(0)).isEqualTo(new HistogramBar(T0, T0 + 15 * MINUTE, 9, 0, 1));
        assertThat(bars.get(95)).isEqualTo(new HistogramBar(T0 + 1_425 * MINUTE, T0 + 1_440 * MINUTE, 0, 1, 1));
        assertThat(bars.stream().mapToLong(HistogramBar::total).sum()).isEqualTo(12);
    }

    @ParameterizedTest
    @CsvSource({"15, 1", "60, 1", "360, 5", "1440, 15", "10080, 120", "44640, 720"})
    void slotsAreRoundAndAtMostAHundredAndTwentyBars(long rangeMinutes, long slotMinutes) {
        assertThat(Histogram.slotMillis(T0, T0 + rangeMinutes * MINUTE)).isEqualTo(slotMinutes * MINUTE);
        assertThat(Histogram.bars(T0, T0 + rangeMinutes * MINUTE, List.of())).hasSizeLessThanOrEqualTo(Histogram.MAX_BARS);
    }
}
