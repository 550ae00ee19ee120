package dev.gatehouse.engine.accesslog.query;

import dev.gatehouse.engine.accesslog.AccessRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Per-minute aggregates and top-N, from the rollup and from raw records, against figures computed here. */
class AggregatesIntegrationTest {

    @TempDir
    static Path dir;
    static FilledStore filled;
    static AccessLogQueries queries;
    static LogDataset data;

    @BeforeAll
    static void fill() throws Exception {
        // 6,000 records over 3 hours: about 33 a minute, enough for percentiles to mean something.
        filled = FilledStore.of(dir, 6_000, 7);
        queries = filled.queries();
        data = filled.data();
    }

    @AfterAll
    static void close() throws Exception {
        filled.close();
    }

    @Test
    void perMinuteFiguresMatchTheRecords() throws Exception {
        // Rollup path (a model filter) and raw path (plus a filter every record passes) must both be right.
        LogQuery byModel = LogQuery.builder().model("glm-4").statusClasses(2, 5).build();
        LogQuery raw = byModel.toBuilder().minDurationMillis(0).build();
        Predicate<AccessRecord> matching = r -> r.model().equals("glm-4") && (r.responseCode() / 100 == 2 || r.responseCode() >= 500);

        for (LogQuery query : List.of(byModel, raw)) {
            List<MinuteAggregate> minutes = queries.perMinute(query);
            Map<Long, List<AccessRecord>> expected = byMinute(matching);
            assertThat(minutes).extracting(MinuteAggregate::minuteMillis).containsExactlyElementsOf(expected.keySet());
            for (MinuteAggregate minute : minutes) {
                List<AccessRecord> records = expected.get(minute.minuteMillis());
                long errors = records.stream().filter(r -> r.responseCode() >= 500).count();
                assertThat(minute.requests()).isEqualTo(records.size());
                assertThat(minute.errors()).isEqualTo(errors);
                assertThat(minute.errorRate()).isCloseTo((double) errors / records.size(), within(1e-9));
                assertThat(minute.inputTokens()).isEqualTo(records.stream().mapToLong(AccessRecord::inputTokens).sum());
                assertThat(minute.outputTokens()).isEqualTo(records.stream().mapToLong(AccessRecord::outputTokens).sum());
                assertThat(minute.p50Millis()).isCloseTo(percentileMillis(records, 0.50), within(percentileMillis(records, 0.50) * 0.07));
                assertThat(minute.p99Millis()).isCloseTo(percentileMillis(records, 0.99), within(percentileMillis(records, 0.99) * 0.07));
            }
        }
    }

    @Test
    void theRollupAndTheRawRecordsGiveTheSameAnswerOverATimeRange() throws Exception {
        long from = Instant.parse("2026-11-25T08:00:00Z").toEpochMilli();
        long to = Instant.parse("2026-11-25T09:00:00Z").toEpochMilli();
        LogQuery rollup = LogQuery.builder().between(from, to).build();
        List<MinuteAggregate> viaRollup = queries.perMinute(rollup);
        List<MinuteAggregate> viaRecords = queries.perMinute(rollup.toBuilder().minDurationMillis(0).build());
        assertThat(viaRollup).hasSize(60).isEqualTo(viaRecords);
    }

    @ParameterizedTest
    @EnumSource(TopDimension.class)
    void topNRanksByRequestsTokensAndErrors(TopDimension by) throws Exception {
        Function<AccessRecord, String> key = switch (by) {
            case MODEL -> AccessRecord::model;
            case CONSUMER -> AccessRecord::consumer;
            case ROUTE -> AccessRecord::route;
        };
        List<TopEntry> expected = top(r -> true, key);
        assertThat(queries.top(LogQuery.all(), by, TopOrder.REQUESTS, 2))
                .containsExactlyElementsOf(sorted(expected, Comparator.comparingLong(TopEntry::requests)).subList(0, 2));
        assertThat(queries.top(LogQuery.all(), by, TopOrder.TOKENS, 10)).containsExactlyElementsOf(
                sorted(expected, Comparator.comparingLong(e -> e.inputTokens() + e.outputTokens())));
        assertThat(queries.top(LogQuery.all(), by, TopOrder.ERRORS, 10))
                .containsExactlyElementsOf(sorted(expected, Comparator.comparingLong(TopEntry::errors)));
    }

    @Test
    void topNUnderAFilterTheRollupCannotAnswerReadsTheRecords() throws Exception {
        LogQuery query = LogQuery.builder().consumer("team-b").text("embeddings").build();
        List<TopEntry> expected = top(r -> r.consumer().equals("team-b") && r.path().contains("embeddings"), AccessRecord::model);
        assertThat(queries.top(query, TopDimension.MODEL, TopOrder.REQUESTS, 10))
                .containsExactlyElementsOf(sorted(expected, Comparator.comparingLong(TopEntry::requests)));
    }

    private static List<TopEntry> top(Predicate<AccessRecord> filter, Function<AccessRecord, String> key) {
        Map<String, List<AccessRecord>> groups = data.records.stream().filter(filter).collect(Collectors.groupingBy(key));
        List<TopEntry> entries = new ArrayList<>();
        groups.forEach((name, records) -> entries.add(new TopEntry(name, records.size(),
                records.stream().filter(r -> r.responseCode() >= 500).count(),
                records.stream().mapToLong(AccessRecord::inputTokens).sum(),
                records.stream().mapToLong(AccessRecord::outputTokens).sum())));
        return entries;
    }

    private static List<TopEntry> sorted(List<TopEntry> entries, Comparator<TopEntry> by) {
        return entries.stream().sorted(by.reversed().thenComparing(TopEntry::name)).toList();
    }

    private static Map<Long, List<AccessRecord>> byMinute(Predicate<AccessRecord> filter) {
        return data.records.stream().filter(filter).collect(Collectors.groupingBy(
                r -> r.startTime().toEpochMilli() / 60_000 * 60_000, TreeMap::new, Collectors.toList()));
    }

    /** Nearest-rank percentile of the records' durations. */
    private static double percentileMillis(List<AccessRecord> records, double quantile) {
        long[] micros = records.stream().mapToLong(r -> r.durationNanos() / 1_000).sorted().toArray();
        int rank = (int) Math.ceil(quantile * micros.length);
        return micros[Math.max(0, rank - 1)] / 1_000.0;
    }
}
