package dev.gatehouse.engine.accesslog.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.accesslog.AccessRecord;
import dev.gatehouse.engine.accesslog.store.AccessLogStore;
import dev.gatehouse.engine.accesslog.store.StoreOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The explorer's filters and paging over a store holding a known set of records. */
class AccessLogQueriesIntegrationTest {

    @TempDir
    static Path dir;
    static AccessLogStore store;
    static AccessLogQueries queries;
    /** Looks search words up row by row whatever their count, the way pages do for common words. */
    static AccessLogQueries probing;
    static LogDataset data;

    @BeforeAll
    static void fill() throws Exception {
        store = AccessLogStore.open(StoreOptions.defaults(dir.resolve("log.db")));
        queries = AccessLogQueries.over(store);
        probing = new AccessLogQueries(new ReaderPool(store::openReader, store::generation, 1), 0);
        data = LogDataset.generate(3_000, 42);
        data.writeTo(store);
    }

    @AfterAll
    static void close() throws Exception {
        queries.close();
        probing.close();
        store.close();
    }

    static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    static Stream<Arguments> filters() {
        long from = millis("2026-11-25T08:00:00Z");
        long to = millis("2026-11-25T08:30:00Z");
        return Stream.of(
                filter("everything", LogQuery.all(), r -> true),
                filter("time range", LogQuery.builder().between(from, to).build(),
                        r -> !r.startTime().isBefore(Instant.ofEpochMilli(from)) && r.startTime().isBefore(Instant.ofEpochMilli(to))),
                filter("5xx", LogQuery.builder().statusClasses(5).build(), r -> r.responseCode() >= 500),
                filter("4xx or 5xx", LogQuery.builder().statusClasses(4, 5).build(), r -> r.responseCode() >= 400),
                filter("2xx", LogQuery.builder().statusClasses(2).build(), r -> r.responseCode() / 100 == 2),
                filter("status 429", LogQuery.builder().statusCode(429).build(), r -> r.responseCode() == 429),
                filter("route", LogQuery.builder().route("embed").build(), r -> r.route().equals("embed")),
                filter("model", LogQuery.builder().model("glm-4").build(), r -> r.model().equals("glm-4")),
                filter("consumer", LogQuery.builder().consumer("ops").build(), r -> r.consumer().equals("ops")),
                filter("upstream", LogQuery.builder().upstreamHost("10.0.0.2:8000").build(),
                        r -> r.upstreamHost().equals("10.0.0.2:8000")),
                filter("stream", LogQuery.builder().responseType("stream").build(), r -> r.responseType().equals("stream")),
                filter("cache hit", LogQuery.builder().cacheStatus("hit").build(), r -> r.cacheStatus().equals("hit")),
                filter("rate limited", LogQuery.builder().rateLimited(true).build(),
                        r -> !r.tokenRatelimitStatus().equals("pass")),
                filter("not rate limited", LogQuery.builder().rateLimited(false).build(),
                        r -> r.tokenRatelimitStatus().equals("pass")),
                filter("fallback", LogQuery.builder().fallback(true).build(), r -> r.fallbackFrom() != null),
                filter("slower than 10 ms", LogQuery.builder().minDurationMillis(10).build(),
                        r -> r.durationNanos() >= 10_000_000),
                filter("slower than 200 ms (few)", LogQuery.builder().minDurationMillis(200).build(),
                        r -> r.durationNanos() >= 200_000_000),
                filter("trace id", LogQuery.builder().traceId(data.records.get(17).traceId()).build(),
                        r -> r.traceId().equals(data.records.get(17).traceId())),
                filter("request id", LogQuery.builder().requestId("r-99").build(), r -> r.requestId().equals("r-99")),
                filter("request id within its hour", LogQuery.builder().requestId("r-99")
                                .between(data.records.get(99).startTime().toEpochMilli() - 1_800_000,
                                        data.records.get(99).startTime().toEpochMilli() + 1_800_000).build(),
                        r -> r.requestId().equals("r-99")),
                filter("text in the path", LogQuery.builder().text("embeddings").build(),
                        r -> r.path().contains("embeddings")),
                filter("text in the user agent, as a prefix", LogQuery.builder().text("cur*").build(),
                        r -> r.userAgent().startsWith("curl")),
                filter("text in the errors", LogQuery.builder().text("closed connection").build(),
                        r -> r.upstreamTransportFailureReason() != null),
                filter("combined", LogQuery.builder().between(from, to).statusClasses(2).model("qwen-72b")
                                .consumer("team-a").responseType("normal").text("completions").build(),
                        r -> !r.startTime().isBefore(Instant.ofEpochMilli(from))
                                && r.startTime().isBefore(Instant.ofEpochMilli(to)) && r.responseCode() / 100 == 2
                                && r.model().equals("qwen-72b") && r.consumer().equals("team-a")
                                && r.responseType().equals("normal") && r.path().contains("completions")));
    }

    private static Arguments filter(String name, LogQuery query, Predicate<AccessRecord> expected) {
        return Arguments.of(name, query, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void everyFilterPagesThroughExactlyTheMatchingRecordsNewestFirst(String name, LogQuery query,
                                                                     Predicate<AccessRecord> expected) throws Exception {
        List<String> expectedIds = data.newestFirst(expected);
        assertThat(expectedIds).as("the dataset exercises this filter").isNotEmpty();
        assertThat(allPages(queries, query, 50)).containsExactlyElementsOf(expectedIds);
        if (query.text() != null) {
            assertThat(allPages(probing, query, 50)).containsExactlyElementsOf(expectedIds);
        }
    }

    private static List<String> allPages(AccessLogQueries queries, LogQuery query, int size) throws Exception {
        List<String> ids = new ArrayList<>();
        LogCursor cursor = null;
        do {
            LogPage page = queries.page(query, cursor, size);
            assertThat(page.entries().size()).isLessThanOrEqualTo(size);
            page.entries().forEach(e -> ids.add(e.record().requestId()));
            cursor = page.next();
        } while (cursor != null);
        return ids;
    }

    @Test
    void pagingWhileRecordsArriveNeitherRepeatsNorSkips(@TempDir Path own) throws Exception {
        // A store of its own: the records it adds must not show up in the other tests.
        try (AccessLogStore store = AccessLogStore.open(StoreOptions.defaults(own.resolve("log.db"))
                .withCommitInterval(java.time.Duration.ofMillis(5)));
             AccessLogQueries queries = AccessLogQueries.over(store)) {
            data.writeTo(store);
            pageWhileWriting(store, queries);
        }
    }

    private static void pageWhileWriting(AccessLogStore store, AccessLogQueries queries) throws Exception {
        LogQuery query = LogQuery.builder().model("deepseek-v3").build();
        List<String> before = data.newestFirst(r -> r.model().equals("deepseek-v3"));
        List<String> seen = new ArrayList<>();
        LogCursor cursor = null;
        int round = 0;
        do {
            LogPage page = queries.page(query, cursor, 37);
            page.entries().forEach(e -> seen.add(e.record().requestId()));
            cursor = page.next();
            // Newer records and one as old as the page just read arrive between two pages.
            Instant newest = LogDataset.FROM.plusSeconds(4 * 3600 + round);
            Instant older = page.entries().get(page.entries().size() - 1).record().startTime().plusMillis(1);
            store.accept(dev.gatehouse.engine.testing.RecordBuilder.record().id("new-" + round).model("deepseek-v3")
                    .start(newest).build());
            store.accept(dev.gatehouse.engine.testing.RecordBuilder.record().id("late-" + round).model("deepseek-v3")
                    .start(older).build());
            long target = 2L * (round + 1) + data.records.size();
            org.awaitility.Awaitility.await().until(() -> store.stats().written() == target);
            round++;
        } while (cursor != null);

        assertThat(new HashSet<>(seen)).hasSize(seen.size());
        assertThat(seen.stream().filter(id -> id.startsWith("r-")).toList()).containsExactlyElementsOf(before);
        assertThat(round).isGreaterThan(5);
    }

    @Test
    void aCursorFromJsonContinuesWhereThePageEnded() throws Exception {
        ObjectMapper json = new ObjectMapper();
        LogQuery query = json.readValue(json.writeValueAsString(LogQuery.builder().statusClasses(5).build()), LogQuery.class);
        LogPage first = queries.page(query, null, 10);
        LogPage viaJson = json.readValue(json.writeValueAsString(first), LogPage.class);
        assertThat(viaJson).isEqualTo(first);

        LogPage second = queries.page(query, viaJson.next(), 10);
        assertThat(second.entries().get(0).record().requestId())
                .isEqualTo(data.newestFirst(r -> r.responseCode() >= 500).get(10));
    }

    @Test
    void searchWordsMatchWholeWordsUnlessTheyEndInAStar() throws Exception {
        assertThat(queries.page(LogQuery.builder().text("cur").build(), null, 10).entries()).isEmpty();
        assertThat(probing.page(LogQuery.builder().text("cur").build(), null, 10).entries()).isEmpty();
        assertThat(queries.page(LogQuery.builder().text("curl").build(), null, 10).entries()).hasSize(10);
    }

    @Test
    void aPageSizeOutOfRangeIsRefusedWithTheLimit() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> queries.page(LogQuery.all(), null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 1000");
    }
}
