package dev.gatehouse.engine.accesslog.query;

import dev.gatehouse.engine.accesslog.AccessRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Histogram counts per slot and status class, on every path (rollup, flag indexes, blocks, time index), against the records. */
class HistogramIntegrationTest {

    private static final long MINUTE = 60_000;
    // Neither end on a whole minute: the rollup answers the inside, the records the two cut minutes.
    private static final long FROM = LogDataset.FROM.toEpochMilli() + 90_123;
    private static final long TO = LogDataset.FROM.toEpochMilli() + 2 * 3_600_000 + 17_456;

    @TempDir
    static Path dir;
    static FilledStore filled;
    static AccessLogQueries queries;
    static LogDataset data;

    @BeforeAll
    static void fill() throws Exception {
        filled = FilledStore.of(dir, 6_000, 11);
        queries = filled.queries();
        data = filled.data();
    }

    @AfterAll
    static void close() throws Exception {
        filled.close();
    }

    static Stream<Arguments> filters() {
        LogQuery range = LogQuery.builder().between(FROM, TO).build();
        return Stream.of(
                arguments("the range alone", range, (Predicate<AccessRecord>) r -> true),
                arguments("model + 4xx and 5xx", range.toBuilder().model("glm-4").statusClasses(4, 5).build(),
                        (Predicate<AccessRecord>) r -> r.model().equals("glm-4") && r.responseCode() >= 400),
                arguments("rate-limited", range.toBuilder().rateLimited(true).build(),
                        (Predicate<AccessRecord>) r -> !"pass".equals(r.tokenRatelimitStatus())),
                arguments("fallback", range.toBuilder().fallback(true).build(),
                        (Predicate<AccessRecord>) r -> r.fallbackFrom() != null),
                arguments("slower than 20 ms", range.toBuilder().minDurationMillis(20).build(),
                        (Predicate<AccessRecord>) r -> r.durationNanos() >= 20_000_000),
                arguments("route + stream + 2xx", range.toBuilder().route("chat").responseType("stream")
                        .statusClasses(2).build(), (Predicate<AccessRecord>) r -> r.route().equals("chat")
                        && r.responseType().equals("stream") && r.responseCode() / 100 == 2),
                arguments("upstream host + cache hit", range.toBuilder().upstreamHost("10.0.0.2:8000")
                        .cacheStatus("hit").build(), (Predicate<AccessRecord>) r -> r.upstreamHost()
                        .equals("10.0.0.2:8000") && r.cacheStatus().equals("hit")),
                arguments("text", range.toBuilder().text("embeddings").build(),
                        (Predicate<AccessRecord>) r -> r.path().contains("embeddings")),
                arguments("status code", range.toBuilder().statusCode(429).build(),
                        (Predicate<AccessRecord>) r -> r.responseCode() == 429));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void countsEveryMatchingRecordInItsSlotAndClass(String name, LogQuery query, Predicate<AccessRecord> matching)
            throws Exception {
        for (long slot : new long[] {MINUTE, 15 * MINUTE}) {
            List<SlotCounts> expected = expected(slot, r -> inRange(r) && matching.test(r));

            assertThat(queries.histogram(query, slot)).as("%s, %d ms slots", name, slot).isNotEmpty()
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void anOpenRangeCountsEveryRecord() throws Exception {
        List<SlotCounts> counts = queries.histogram(LogQuery.all(), 60 * MINUTE);

        assertThat(counts).containsExactlyElementsOf(expected(60 * MINUTE, r -> true));
        assertThat(counts.stream().mapToLong(SlotCounts::requests).sum()).isEqualTo(data.records.size());
    }

    @Test
    void aSlotMustBeWholeMinutes() {
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                () -> queries.histogram(LogQuery.all(), 90_000));

        assertThat(e).hasMessageContaining("whole number of minutes").hasMessageContaining("90000");
    }

    private static boolean inRange(AccessRecord r) {
        long start = r.startTime().toEpochMilli();
        return start >= FROM && start < TO;
    }

    private static List<SlotCounts> expected(long slot, Predicate<AccessRecord> filter) {
        Map<Long, long[]> slots = new TreeMap<>();
        for (AccessRecord r : data.records) {
            if (filter.test(r)) {
                long[] c = slots.computeIfAbsent(Math.floorDiv(r.startTime().toEpochMilli(), slot) * slot,
                        k -> new long[3]);
                c[r.responseCode() >= 500 ? 2 : r.responseCode() >= 400 ? 1 : 0]++;
            }
        }
        List<SlotCounts> out = new ArrayList<>();
        slots.forEach((start, c) -> out.add(new SlotCounts(start, c[0], c[1], c[2])));
        return out;
    }
}
