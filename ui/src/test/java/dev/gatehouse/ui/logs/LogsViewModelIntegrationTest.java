package dev.gatehouse.ui.logs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.accesslog.AccessRecord;
import dev.gatehouse.engine.accesslog.query.ExportFormat;
import dev.gatehouse.engine.accesslog.query.LogEntry;
import dev.gatehouse.ui.testing.HandClock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.collections.ListChangeListener;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer's view model over a real store of 400 known records (one a second up to the
 * clock's now), answers handed over on the calling thread: what it shows is compared with the
 * database itself.
 */
class LogsViewModelIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final int RECORDS = 400;

    @TempDir
    Path dir;
    private final HandClock clock = new HandClock(NOW);
    private LogEngine gateway;
    private LogsViewModel model;

    @BeforeEach
    void fill() throws Exception {
        gateway = new LogEngine(dir, clock);
        gateway.write(SampleRecords.over(NOW.minusMillis(500), Duration.ofSeconds(1), RECORDS));
        model = explorer(Runnable::run);
    }

    @AfterEach
    void close() throws Exception {
        gateway.close();
    }

    private LogsViewModel explorer(Executor background) {
        return new LogsViewModel(gateway.control, new SavedQueries(dir.resolve("state")), background, Runnable::run, clock);
    }

    @Test
    void opensOnTheNewestPageAndScrollingLoadsEachOlderRecordOnce() throws Exception {
        model.open();
        assertThat(ids(model.rows())).hasSize(LogsViewModel.PAGE_SIZE).startsWith("req-0", "req-1");
        assertThat(model.moreProperty().get()).isTrue();

        model.loadMore();
        model.loadMore();
        model.loadMore();

        assertThat(ids(model.rows())).isEqualTo(gateway.requestIds("1 = 1"));
        assertThat(model.moreProperty().get()).isFalse();
    }

    @Test
    void filteringByModelAndStatusShowsExactlyTheDatabasesMatchingRows() throws Exception {
        model.open();

        assertThat(model.set(FilterKey.MODEL, "deepseek-v3")).isTrue();
        assertThat(model.set(FilterKey.STATUS, "5")).isTrue();

        List<String> expected = gateway.requestIds("model = ? AND response_code >= 500", "deepseek-v3");
        assertThat(expected).hasSizeGreaterThan(5);
        assertThat(ids(model.rows())).isEqualTo(expected);
        assertThat(model.chips()).extracting(FilterChip::text).containsExactly("Status: 5xx", "Model: deepseek-v3");
    }

    @Test
    void theHistogramCountsEachStatusClassAsTheDatabaseHasThem() throws Exception {
        List<Boolean> counting = new java.util.ArrayList<>();
        model.histogramLoadingProperty().addListener((property, was, is) -> counting.add(is));
        model.open();

        List<HistogramBar> bars = model.histogramProperty().get();
        assertThat(counting).as("counting while the histogram was asked for, then done").containsExactly(true, false);

        assertThat(bars).hasSize(96); // the last 24 hours in 15-minute slots
        assertThat(bars.stream().mapToLong(HistogramBar::serverErrors).sum())
                .isEqualTo(gateway.requestIds("response_code >= 500").size());
        assertThat(bars.stream().mapToLong(HistogramBar::clientErrors).sum())
                .isEqualTo(gateway.requestIds("response_code BETWEEN 400 AND 499").size());
        assertThat(bars.stream().mapToLong(HistogramBar::ok).sum())
                .isEqualTo(gateway.requestIds("response_code < 400").size());
    }

    @Test
    void narrowingToADraggedSpanShowsOnlyItsRecords() throws Exception {
        model.open();
        long from = NOW.minusSeconds(100).toEpochMilli();

        model.narrow(from, NOW.minusSeconds(50).toEpochMilli());

        assertThat(ids(model.rows())).isEqualTo(gateway.requestIds("start_us >= ? AND start_us < ?", from * 1000,
                NOW.minusSeconds(50).toEpochMilli() * 1000)).hasSize(50);
        assertThat(model.filterProperty().get().range().preset()).isEqualTo(TimeRange.Preset.CUSTOM);
    }

    @Test
    void liveTailPutsNewRecordsOnTopInOneBatchAndStopsWhenPaused() {
        model.open();
        AtomicInteger changes = new AtomicInteger();
        model.rows().addListener((ListChangeListener<LogEntry>) c -> changes.incrementAndGet());
        model.tail().onProperty().set(true);

        gateway.write(List.of(fresh("new-1", 1), fresh("new-2", 2), fresh("new-3", 3)));
        clock.advance(Duration.ofSeconds(5));
        model.tail().tick();

        assertThat(ids(model.rows())).startsWith("new-3", "new-2", "new-1", "req-0");
        assertThat(changes).hasValue(1);

        model.tail().onProperty().set(false);
        gateway.write(List.of(fresh("new-4", 4)));
        model.tail().tick();
        assertThat(ids(model.rows())).startsWith("new-3").doesNotContain("new-4");
    }

    @Test
    void theHistogramGrowsWithTheLiveTailAtMostEveryTenSeconds() {
        model.open();
        long before = model.histogramTotal();

        gateway.write(List.of(fresh("new-1", 1)));
        clock.advance(Duration.ofSeconds(3));
        model.tail().tick();
        assertThat(model.histogramTotal()).as("counted when the page opened, 3 s ago").isEqualTo(before);

        gateway.write(List.of(fresh("new-2", 2)));
        clock.advance(Duration.ofSeconds(8));
        model.tail().tick();
        assertThat(model.histogramTotal()).as("11 s after: counted again").isEqualTo(before + 2);
    }

    @Test
    void showingTheSameTraceListsEveryRecordOfIt() {
        model.open();
        LogEntry tenth = model.rows().get(10);

        model.showTrace(tenth);

        assertThat(ids(model.rows())).containsExactlyInAnyOrder("req-10", "req-11");
    }

    @Test
    void aFilterThatMakesNoSenseIsReportedAndTheRecordsStay() {
        model.open();
        List<String> before = ids(model.rows());

        assertThat(model.set(FilterKey.CODE, "42")).isFalse();

        assertThat(model.messageProperty().get()).contains("statusCode: 42 is not an HTTP status");
        assertThat(model.filterProperty().get()).isEqualTo(LogFilter.DEFAULT);
        assertThat(ids(model.rows())).isEqualTo(before);
    }

    @Test
    void anExportHoldsTheFiltersRowsAsTheDatabaseHasThem() throws Exception {
        model.open();
        model.set(FilterKey.CONSUMER, "team-search");
        Path csv = dir.resolve("out.csv");
        Path jsonl = dir.resolve("out.jsonl");

        model.export().start(csv, ExportFormat.CSV);
        model.export().start(jsonl, ExportFormat.JSON_LINES);

        List<String> expected = gateway.requestIds("consumer = ?", "team-search");
        assertThat(Csv.column(csv, "request_id")).isEqualTo(expected);
        ObjectMapper json = new ObjectMapper();
        assertThat(Files.readAllLines(jsonl).stream().map(line -> read(json, line))).isEqualTo(expected);
        assertThat(model.export().statusProperty().get()).startsWith("Exported " + expected.size() + " records");
        assertThat(model.export().progressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void aCancelledExportLeavesNoFile() throws Exception {
        LogsViewModel[] self = new LogsViewModel[1];
        self[0] = explorer(task -> {
            self[0].export().cancel(); // the user cancels before the first record is written
            task.run();
        });
        self[0].open();
        Path csv = dir.resolve("cancelled.csv");

        self[0].export().start(csv, ExportFormat.CSV);

        assertThat(csv).doesNotExist();
        assertThat(dir.resolve("cancelled.csv.part")).doesNotExist();
        assertThat(self[0].export().statusProperty().get()).startsWith("Export cancelled");
    }

    @Test
    void aSavedQueryOpensAgainInTheNextSession() {
        model.open();
        model.set(FilterKey.MODEL, "deepseek-v3");
        model.setRange(TimeRange.of(TimeRange.Preset.LAST_HOUR));
        assertThat(model.saved().saveCurrent("deepseek, last hour")).isTrue();

        LogsViewModel next = explorer(Runnable::run);
        next.open();
        next.saved().open(next.saved().queries().get(0));

        assertThat(next.saved().queries()).extracting(SavedQuery::name).containsExactly("deepseek, last hour");
        assertThat(next.filterProperty().get()).isEqualTo(model.filterProperty().get());
        assertThat(ids(next.rows())).as("the query's records, not none").isNotEmpty()
                .allSatisfy(id -> assertThat(id).startsWith("req-"));
        assertThat(next.rows()).allMatch(e -> e.record().model().equals("deepseek-v3"));
    }

    private static String read(ObjectMapper json, String line) {
        try {
            return json.readTree(line).get("request_id").asText();
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }

    private AccessRecord fresh(String id, int secondsAfterNow) {
        AccessRecord r = SampleRecords.record(0, NOW.plusSeconds(secondsAfterNow), new java.util.SplittableRandom(secondsAfterNow));
        return new AccessRecord(id, r.traceId(), r.startTime(), r.method(), r.path(), r.authority(), r.clientIp(),
                r.userAgent(), r.route(), r.upstreamCluster(), r.upstreamHost(), r.responseCode(),
                r.responseCodeDetails(), r.durationNanos(), r.upstreamServiceNanos(), r.bytesReceived(), r.bytesSent(),
                r.api(), r.model(), r.consumer(), r.inputTokens(), r.outputTokens(), r.tokensEstimated(),
                r.firstTokenNanos(), r.serviceNanos(), r.responseType(), r.cacheStatus(), r.fallbackFrom(),
                r.safecheckStatus(), r.tokenRatelimitStatus());
    }

    private static List<String> ids(List<LogEntry> entries) {
        return entries.stream().map(e -> e.record().requestId()).toList();
    }
}
