package dev.gatehouse.engine.admin;

import dev.gatehouse.engine.accesslog.query.ExportFormat;
import dev.gatehouse.engine.accesslog.query.ExportProgress;
import dev.gatehouse.engine.accesslog.query.ExportResult;
import dev.gatehouse.engine.accesslog.query.LogEntry;
import dev.gatehouse.engine.accesslog.query.LogPage;
import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.engine.accesslog.query.MinuteAggregate;
import dev.gatehouse.engine.accesslog.query.SlotCounts;
import dev.gatehouse.engine.accesslog.query.TopDimension;
import dev.gatehouse.engine.accesslog.query.TopEntry;
import dev.gatehouse.engine.accesslog.query.TopOrder;
import dev.gatehouse.engine.config.ConfigError;
import dev.gatehouse.engine.config.ConfigLoader;
import dev.gatehouse.engine.config.ConfigVersion;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.health.HealthState;
import dev.gatehouse.engine.telemetry.MetricsSnapshot;
import dev.gatehouse.engine.telemetry.Resolution;
import dev.gatehouse.engine.telemetry.SeriesFilter;
import dev.gatehouse.engine.telemetry.SeriesPoint;
import dev.gatehouse.engine.telemetry.backend.BackendSample;
import dev.gatehouse.engine.telemetry.backend.ScrapeStatus;
import dev.gatehouse.engine.testing.Closer;
import dev.gatehouse.engine.testing.RawHttp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.gatehouse.engine.admin.AdminFixture.FIRST;
import static dev.gatehouse.engine.admin.AdminFixture.SECOND;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What every {@link GatewayControl} does, whether in process or over the admin API: subclasses
 * say how the control under test reaches the fixture's engine.
 */
public abstract class GatewayControlContract {

    @TempDir
    Path dir;

    final Closer closer = new Closer();
    AdminFixture fixture;
    GatewayControl control;

    /** The control under test, managing the fixture's engine through {@code embedded}. */
    protected abstract GatewayControl open(AdminFixture fixture, Closer closer) throws Exception;

    @BeforeEach
    void start() throws Exception {
        fixture = new AdminFixture(dir, closer);
        control = open(fixture, closer);
    }

    @AfterEach
    void stop() throws Exception {
        closer.close();
    }

    private static final String CHAT_FIRST = "127.0.0.1:9";

    @Test
    void statusShowsWhereTheEngineListensItsVersionAndUptime() {
        fixture.clock.advance(Duration.ofSeconds(42));

        EngineStatus status = control.status();

        assertThat(status.running()).isTrue();
        assertThat(status.listenAddresses()).containsExactly("127.0.0.1:" + fixture.engine.addresses().get(0).getPort());
        assertThat(status.configVersion()).isEqualTo(1);
        assertThat(status.uptimeMillis()).isEqualTo(42_000);
        assertThat(status.inFlightRequests()).isZero();
    }

    @Test
    void configIsTheRunningOneWithItsVersion() {
        VersionedConfig config = control.config();

        assertThat(config.version()).isEqualTo(1);
        assertThat(config.config()).isEqualTo(fixture.initial);
    }

    @Test
    void validateListsEveryErrorWithItsPath() {
        ValidationResult result = control.validate(AdminFixture.withTwoBrokenRoutes(fixture.initial));

        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).extracting(ConfigError::path).containsExactly("routes[0].pool", "routes[1].pool");
        assertThat(result.errors().get(0).message()).contains("missing-a");
        assertThat(control.validate(fixture.initial)).isEqualTo(new ValidationResult(true, List.of()));
    }

    @Test
    void applyServesTheNewConfigAndSavesItAsANewVersion() throws Exception {
        GatewayConfig next = AdminFixture.withPool(fixture.initial, "embeddings", FIRST);

        ApplyResult result = control.apply(ApplyRequest.unconditional(next));

        assertThat(result.configVersion()).isEqualTo(2);
        assertThat(control.config()).isEqualTo(new VersionedConfig(2, next));
        assertThat(control.endpointHealth()).extracting(PoolHealth::pool).containsExactly("chat", "embeddings");
        assertThat(control.versions()).extracting(ConfigVersion::seq).containsExactly(1L);
        assertThat(fixture.store.current()).contains(next);
        assertThat(ConfigLoader.load(fixture.file)).isEqualTo(next);
    }

    @Test
    void applyOfAnInvalidConfigIsRefusedWithEveryErrorAndChangesNothing() throws Exception {
        ControlException refused = catchThrowableOfType(ControlException.class,
                () -> control.apply(ApplyRequest.unconditional(AdminFixture.withTwoBrokenRoutes(fixture.initial))));

        assertThat(refused.kind()).isEqualTo(ControlException.Kind.INVALID_CONFIG);
        assertThat(refused.errors()).extracting(ConfigError::path).containsExactly("routes[0].pool", "routes[1].pool");
        assertThat(refused.getMessage()).contains("2 errors");
        assertThat(control.config()).isEqualTo(new VersionedConfig(1, fixture.initial));
        assertThat(control.versions()).isEmpty();
        assertThat(ConfigLoader.load(fixture.file)).isEqualTo(fixture.initial);
    }

    @Test
    void applyBasedOnAVersionThatWasReplacedMeanwhileIsAConflict() {
        GatewayConfig mine = AdminFixture.withPool(fixture.initial, "mine", FIRST);
        GatewayConfig theirs = AdminFixture.withPool(fixture.initial, "theirs", SECOND);
        long base = control.config().version();
        control.apply(ApplyRequest.basedOn(theirs, base));

        ControlException refused = catchThrowableOfType(ControlException.class,
                () -> control.apply(ApplyRequest.basedOn(mine, base)));

        assertThat(refused.kind()).isEqualTo(ControlException.Kind.CONFLICT);
        assertThat(refused.getMessage()).contains("since version 1").contains("version 2");
        assertThat(control.config()).isEqualTo(new VersionedConfig(2, theirs));
    }

    @Test
    void rollbackRunsAKeptVersionAgainAndKeepsTheReplacedOne() {
        control.apply(ApplyRequest.unconditional(AdminFixture.withPool(fixture.initial, "embeddings", FIRST)));

        ApplyResult result = control.rollback(1);

        assertThat(result.configVersion()).isEqualTo(3);
        assertThat(control.config()).isEqualTo(new VersionedConfig(3, fixture.initial));
        assertThat(control.versions()).extracting(ConfigVersion::seq).containsExactly(2L, 1L);
        assertThat(control.endpointHealth()).extracting(PoolHealth::pool).containsExactly("chat");
    }

    @Test
    void rollbackToAVersionNeverKeptIsNotFound() {
        ControlException refused = catchThrowableOfType(ControlException.class, () -> control.rollback(7));

        assertThat(refused.kind()).isEqualTo(ControlException.Kind.NOT_FOUND);
        assertThat(refused.getMessage()).contains("7");
        assertThat(control.config().version()).isEqualTo(1);
    }

    @Test
    void endpointHealthShowsEachPoolsEndpointsWithWeightsAndInFlight() {
        assertThat(control.endpointHealth()).containsExactly(new PoolHealth("chat", List.of(
                new EndpointStatus("chat", CHAT_FIRST, HealthState.HEALTHY, 100, 100, 0),
                new EndpointStatus("chat", "127.0.0.1:19", HealthState.HEALTHY, 100, 100, 0))));
    }

    @Test
    void drainEjectAndRestoreChangeWhetherTheEngineSendsTraffic() {
        EndpointRef first = new EndpointRef("chat", CHAT_FIRST);

        assertThat(control.drain(first).state()).isEqualTo(HealthState.DRAINING);
        assertThat(engineEndpointAvailable()).isFalse();
        assertThat(control.endpointHealth().get(0).endpoints().get(0).effectiveWeight()).isZero();

        assertThat(control.eject(first).state()).isEqualTo(HealthState.EJECTED);
        assertThat(engineEndpointAvailable()).isFalse();

        EndpointStatus restored = control.restore(first);
        assertThat(restored).isEqualTo(new EndpointStatus("chat", CHAT_FIRST, HealthState.HEALTHY, 100, 100, 0));
        assertThat(engineEndpointAvailable()).isTrue();
    }

    @Test
    void drainOfAnUnknownPoolOrEndpointIsNotFound() {
        ControlException noPool = catchThrowableOfType(ControlException.class,
                () -> control.drain(new EndpointRef("nope", CHAT_FIRST)));
        ControlException noEndpoint = catchThrowableOfType(ControlException.class,
                () -> control.eject(new EndpointRef("chat", "127.0.0.1:1")));

        assertThat(noPool.kind()).isEqualTo(ControlException.Kind.NOT_FOUND);
        assertThat(noPool.getMessage()).contains("nope");
        assertThat(noEndpoint.kind()).isEqualTo(ControlException.Kind.NOT_FOUND);
        assertThat(noEndpoint.getMessage()).contains("127.0.0.1:1");
    }

    private boolean engineEndpointAvailable() {
        return fixture.engine.snapshot().pool("chat").endpoints().get(0).isAvailable();
    }

    @Test
    void metricsCountEveryRequestTheEngineCarried() throws IOException {
        send("/alpha/1", "/alpha/2", "/beta/1", "/beta/2");
        await().atMost(Duration.ofSeconds(10)).until(() -> control.metrics().total().requests() == 4);

        MetricsSnapshot metrics = control.metrics();

        assertThat(metrics.total().responses("5xx")).as("nothing listens at the endpoints").isEqualTo(4);
        assertThat(metrics.routes().get("all").requests()).isEqualTo(4);
        assertThat(metrics.pools().get("chat").requests()).isEqualTo(4);
    }

    @Test
    void seriesHoldEachSecondsRequests() throws IOException {
        send("/alpha/1", "/alpha/2");
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.telemetry.snapshot().total().requests() == 2);
        fixture.clock.advance(Duration.ofSeconds(1));
        fixture.telemetry.sample();

        List<SeriesPoint> points = control.series(new SeriesRequest(Resolution.SECOND,
                fixture.clock.instant().minusSeconds(60), fixture.clock.instant(), SeriesFilter.all()));

        assertThat(points).extracting(SeriesPoint::requests).containsExactly(2L);
    }

    @Test
    void backendsSayWhichEndpointsHaveNoMetrics() {
        List<BackendSample> chat = control.backends().pools().get(0).endpoints();

        assertThat(chat).extracting(BackendSample::endpoint).containsExactly(CHAT_FIRST, "127.0.0.1:19");
        assertThat(chat).extracting(BackendSample::status).containsOnly(ScrapeStatus.NO_METRICS);
    }

    @Test
    void logsPageTheRecordsNewestFirst() throws IOException {
        send("/alpha/1", "/alpha/2", "/alpha/3");
        awaitWritten(3);

        LogPage first = control.logs(LogPageRequest.first(LogQuery.all(), 2));
        LogPage rest = control.logs(new LogPageRequest(LogQuery.all(), first.next(), 2));

        assertThat(first.entries()).extracting(e -> e.record().path()).containsExactly("/alpha/3", "/alpha/2");
        assertThat(rest.entries()).extracting(e -> e.record().path()).containsExactly("/alpha/1");
        assertThat(rest.next()).isNull();
        assertThat(first.entries()).extracting(LogEntry::record).allSatisfy(r -> {
            assertThat(r.route()).isEqualTo("all");
            assertThat(r.upstreamCluster()).isEqualTo("chat");
        });
    }

    @Test
    void logAggregatesAndTopListsCountTheRecords() throws IOException {
        send("/alpha/1", "/beta/1", "/beta/2");
        awaitWritten(3);

        long now = System.currentTimeMillis(); // records carry the real time, not the fixture's clock
        List<MinuteAggregate> minutes = control.logMinutes(LogQuery.builder().between(now - 3_600_000, now + 60_000).build());
        List<TopEntry> routes = control.logTop(new TopRequest(LogQuery.all(), TopDimension.ROUTE, TopOrder.REQUESTS, 5));

        assertThat(minutes.stream().mapToLong(MinuteAggregate::requests).sum()).isEqualTo(3);
        assertThat(minutes.stream().mapToLong(MinuteAggregate::errors).sum()).isEqualTo(3);
        assertThat(routes).extracting(TopEntry::name, TopEntry::requests).containsExactly(tuple("all", 3L));
        assertThat(control.logStore().written()).isEqualTo(3);
        assertThat(control.logStore().dropped()).isZero();
    }

    @Test
    void exportWritesEveryMatchingRecord() throws IOException {
        send("/alpha/1", "/beta/1", "/beta/2");
        awaitWritten(3);
        LogQuery beta = LogQuery.builder().text("beta").build();

        ByteArrayOutputStream jsonLines = new ByteArrayOutputStream();
        ExportResult lines = control.exportLogs(new ExportRequest(beta, ExportFormat.JSON_LINES), jsonLines,
                ExportProgress.none());
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        ExportResult rows = control.exportLogs(new ExportRequest(LogQuery.all(), ExportFormat.CSV), csv,
                ExportProgress.none());

        assertThat(lines.records()).isEqualTo(2);
        assertThat(jsonLines.toString(StandardCharsets.UTF_8).lines().toList())
                .hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{").contains("\"/beta/"));
        assertThat(rows.records()).isEqualTo(3);
        List<String> csvLines = csv.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(csvLines).hasSize(4);
        assertThat(csvLines.get(0)).contains("request_id");
        assertThat(csvLines.subList(1, 4)).anySatisfy(line -> assertThat(line).contains("/alpha/1"));
    }

    @Test
    void aLogHistogramCountsTheRecordsOfEachSlotByStatusClass() throws IOException {
        send("/alpha/1", "/beta/1", "/beta/2");
        awaitWritten(3);

        long now = System.currentTimeMillis(); // records carry the real time, not the fixture's clock
        LogQuery lastHour = LogQuery.builder().between(now - 3_600_000, now + 60_000).build();
        List<SlotCounts> all = control.logHistogram(new HistogramRequest(lastHour, 60_000));
        List<SlotCounts> beta = control.logHistogram(new HistogramRequest(lastHour.toBuilder().text("beta").build(),
                15 * 60_000));

        // No upstream answers on this route: every request is a 5xx.
        assertThat(all).isNotEmpty().allSatisfy(slot -> assertThat(slot.startMillis() % 60_000).isZero());
        assertThat(all.stream().mapToLong(SlotCounts::serverErrors).sum()).isEqualTo(3);
        assertThat(all.stream().mapToLong(SlotCounts::requests).sum()).isEqualTo(3);
        assertThat(beta.stream().mapToLong(SlotCounts::requests).sum()).isEqualTo(2);
    }

    @Test
    void aLogHistogramHasAtMostTenThousandSlots() {
        long now = System.currentTimeMillis();

        ControlException e = catchThrowableOfType(ControlException.class, () -> control.logHistogram(
                new HistogramRequest(LogQuery.builder().between(now - Duration.ofDays(8).toMillis(), now).build(), 60_000)));

        assertThat(e.kind()).isEqualTo(ControlException.Kind.BAD_REQUEST);
        assertThat(e.getMessage()).contains("10000 slots");
    }

    @Test
    void perMinuteFiguresCoverAtMostAMonth() {
        long now = System.currentTimeMillis();

        ControlException e = catchThrowableOfType(ControlException.class, () -> control.logMinutes(
                LogQuery.builder().between(now - Duration.ofDays(32).toMillis(), now).build()));

        assertThat(e.kind()).isEqualTo(ControlException.Kind.BAD_REQUEST);
        assertThat(e.getMessage()).contains("31 days");
    }

    @Test
    void aBadLogQuestionIsABadRequest() {
        ControlException e = catchThrowableOfType(ControlException.class,
                () -> control.logs(LogPageRequest.first(LogQuery.all(), 0)));

        assertThat(e.kind()).isEqualTo(ControlException.Kind.BAD_REQUEST);
        assertThat(e.getMessage()).contains("page size");
    }

    /** One request per path through the gateway, each on its own connection, answers read. */
    private void send(String... paths) throws IOException {
        for (String path : paths) {
            try (RawHttp http = new RawHttp(fixture.engine.addresses().get(0))) {
                http.send("GET " + path + " HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n").readResponse();
            }
        }
    }

    private void awaitWritten(long records) {
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.log.stats().written() >= records);
    }
}
