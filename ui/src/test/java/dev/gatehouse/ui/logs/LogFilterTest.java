package dev.gatehouse.ui.logs;

import dev.gatehouse.engine.accesslog.query.LogQuery;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogFilterTest {

    private static final long NOW = 1_764_072_000_000L;

    @Test
    void everyFilterSurvivesTheSavedText() {
        LogFilter filter = new LogFilter(TimeRange.between(NOW - 60_000, NOW), Map.ofEntries(
                Map.entry(FilterKey.STATUS, "4,5"), Map.entry(FilterKey.CODE, "502"), Map.entry(FilterKey.ROUTE, "chat"),
                Map.entry(FilterKey.MODEL, "qwen 72b & co"), Map.entry(FilterKey.CONSUMER, "team-a"),
                Map.entry(FilterKey.HOST, "10.0.0.1:8000"), Map.entry(FilterKey.TYPE, "stream"),
                Map.entry(FilterKey.CACHE, "hit"), Map.entry(FilterKey.LIMITED, "no"), Map.entry(FilterKey.FALLBACK, "yes"),
                Map.entry(FilterKey.SLOWER, "250"), Map.entry(FilterKey.TRACE, "abc"), Map.entry(FilterKey.REQUEST, "r1"),
                Map.entry(FilterKey.TEXT, "timeout=60")));

        LogFilter back = LogFilter.decode(filter.encode());

        assertThat(back).isEqualTo(filter);
        assertThat(back.toQuery(NOW)).isEqualTo(new LogQuery(NOW - 60_000, NOW, List.of(4, 5), 502, "chat", "qwen 72b & co",
                "team-a", "10.0.0.1:8000", "stream", "hit", false, true, 250L, "abc", "r1", "timeout=60"));
    }

    @Test
    void aPresetRangeEndsOpenAtNowSoNewRecordsKeepMatching() {
        LogQuery query = LogFilter.decode("range=1h&model=m").toQuery(NOW);

        assertThat(query.fromMillis()).isEqualTo(NOW - 3_600_000);
        assertThat(query.toMillis()).isNull();
        assertThat(query.model()).isEqualTo("m");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "range=2h                 | range: \"2h\" is not one of",
            "code=42                  | statusCode: 42 is not an HTTP status",
            "status=2,x               | Status: \"x\" is not a whole number",
            "limited=maybe            | Rate-limited: \"maybe\" is not yes or no",
            "colour=red               | \"colour\" is not a log filter",
            "range=custom&from=yesterday | from: \"yesterday\" is not a time",
            "model                    | \"model\" is not name=value"})
    void nonsenseIsRefusedNamingTheFilter(String text, String message) {
        assertThatThrownBy(() -> LogFilter.decode(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aSliceFromTheDashboardBecomesACustomRangeAndItsFilters() {
        LogQuery slice = LogQuery.builder().between(NOW - 300_000, NOW).model("deepseek-v3").statusClasses(5)
                .rateLimited(true).build();

        LogFilter filter = LogFilter.of(slice);

        assertThat(filter.toQuery(0)).isEqualTo(slice);
        assertThat(FilterChip.of(filter, ZoneOffset.UTC)).extracting(FilterChip::text).containsExactly(
                "Time: 11-25 11:55 – 11-25 12:00", "Status: 5xx", "Model: deepseek-v3", "Rate-limited: yes");
    }

    @Test
    void removingAChipKeepsTheOtherFilters() {
        LogFilter filter = LogFilter.DEFAULT.with(FilterKey.MODEL, "m").with(FilterKey.TEXT, "timeout")
                .withRange(TimeRange.of(TimeRange.Preset.LAST_HOUR));
        List<FilterChip> chips = FilterChip.of(filter, ZoneOffset.UTC);
        assertThat(chips).extracting(FilterChip::text).containsExactly("Time: Last hour", "Model: m", "Text: \u201ctimeout\u201d");

        LogFilter withoutModel = chips.get(1).removed();
        LogFilter withoutRange = chips.get(0).removed();

        assertThat(withoutModel.values()).containsOnlyKeys(FilterKey.TEXT);
        assertThat(withoutModel.range()).isEqualTo(TimeRange.of(TimeRange.Preset.LAST_HOUR));
        assertThat(withoutRange.range()).isEqualTo(LogFilter.DEFAULT.range());
        assertThat(withoutRange.values()).containsOnlyKeys(FilterKey.MODEL, FilterKey.TEXT);
    }

    @Test
    void aBlankValueClearsItsFilter() {
        assertThat(LogFilter.DEFAULT.with(FilterKey.MODEL, "m").with(FilterKey.MODEL, "  ").values()).isEmpty();
    }
}
