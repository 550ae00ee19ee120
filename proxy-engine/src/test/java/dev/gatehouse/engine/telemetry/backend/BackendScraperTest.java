package dev.gatehouse.engine.telemetry.backend;

import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.health.EndpointHealth;
import dev.gatehouse.engine.testing.MutableClock;
import dev.gatehouse.engine.upstream.Endpoint;
import dev.gatehouse.engine.upstream.EndpointTelemetry;
import dev.gatehouse.engine.upstream.PoolBuilder;
import dev.gatehouse.engine.upstream.UpstreamPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Scrape loops with a fake fetcher and hand-driven time; no network. */
class BackendScraperTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(4);
    private static final String URL_A = "http://10.0.0.1:9400/metrics";
    private static final String PAGE = Pages.read("vllm.txt") + Pages.read("dcgm-exporter.txt");

    private final MutableClock clock = new MutableClock(START);
    private final StepScheduler scheduler = new StepScheduler(clock);
    private final FakeFetcher fetcher = new FakeFetcher();
    private final BackendMetrics metrics = new BackendMetrics(clock);
    private final PoolBuilder builder = new PoolBuilder((pool, endpoint) -> EndpointHealth.alwaysHealthy());
    private final List<BackendScraper> scrapers = new ArrayList<>();

    @AfterEach
    void close() {
        scrapers.forEach(BackendScraper::close);
    }

    private UpstreamPool pool(UpstreamPool previous, EndpointConfig... endpoints) {
        PoolConfig config = new PoolConfig("gpu", null, List.of(endpoints), null, null, null, INTERVAL);
        return builder.build(config, previous);
    }

    private static EndpointConfig endpoint(String host, String metricsUrl) {
        return new EndpointConfig(host, 8000, null, metricsUrl);
    }

    private BackendScraper start(UpstreamPool... pools) {
        metrics.track(List.of(pools));
        BackendScraper scraper = new BackendScraper(fetcher, scheduler, metrics, clock, () -> 42L, () -> 0.5);
        scraper.start(List.of(pools));
        scrapers.add(scraper);
        return scraper;
    }

    private BackendSample sample(String address) {
        return metrics.snapshot().endpoint("gpu", address).orElseThrow();
    }

    @Test
    void publishesEachScrapeToTheSnapshotAndToTheEndpointsTelemetry() {
        UpstreamPool pool = pool(null, endpoint("10.0.0.1", URL_A), endpoint("10.0.0.2", null));
        start(pool);
        assertThat(sample("10.0.0.1:8000").status()).isEqualTo(ScrapeStatus.PENDING);
        fetcher.answer(CompletableFuture.completedFuture(PAGE));

        scheduler.advance(INTERVAL);

        assertThat(fetcher.urls).containsExactly(URI.create(URL_A));
        BackendSample a = sample("10.0.0.1:8000");
        assertThat(a.status()).isEqualTo(ScrapeStatus.OK);
        assertThat(a.reading().kinds()).containsExactly(MetricsKind.DCGM, MetricsKind.VLLM);
        assertThat(a.reading().gpuSummary().avgUtilPercent()).isEqualTo(89.0);
        assertThat(a.lastSuccessAt()).isEqualTo(START.plus(INTERVAL.multipliedBy(5).dividedBy(100)));
        assertThat(sample("10.0.0.2:8000").status()).isEqualTo(ScrapeStatus.NO_METRICS);

        EndpointTelemetry telemetry = pool.endpoints().get(0).telemetry();
        assertThat(telemetry.gpuUtilPercent()).isEqualTo(89.0);
        assertThat(telemetry.kvCacheUsage()).isCloseTo(0.673, within(0.001));
        assertThat(telemetry.runningRequests()).isEqualTo(14);
        assertThat(telemetry.waitingRequests()).isEqualTo(3);
        assertThat(telemetry.hasLatency()).as("left to the endpoint's own latency average").isFalse();
        assertThat(telemetry.sampledAtNanos()).isEqualTo(42L);
        assertThat(pool.endpoints().get(1).telemetry()).isEqualTo(EndpointTelemetry.NONE);
    }

    @Test
    void scrapesOncePerIntervalWithHalfTheIntervalAsTimeout() {
        start(pool(null, endpoint("10.0.0.1", URL_A)));
        for (int i = 0; i < 3; i++) {
            fetcher.answer(CompletableFuture.completedFuture(PAGE));
        }

        scheduler.advance(INTERVAL.multipliedBy(3));

        assertThat(fetcher.urls).hasSize(3);
        assertThat(fetcher.timeouts).containsOnly(INTERVAL.dividedBy(2));
    }

    @Test
    void neverHasTwoScrapesOfOneEndpointInFlight() {
        CompletableFuture<String> slow = new CompletableFuture<>();
        start(pool(null, endpoint("10.0.0.1", URL_A)));
        fetcher.answer(slow);

        scheduler.advance(INTERVAL.multipliedBy(5));
        assertThat(fetcher.urls).hasSize(1);

        fetcher.answer(CompletableFuture.completedFuture(PAGE));
        slow.complete(PAGE);
        scheduler.advance(INTERVAL);
        assertThat(fetcher.urls).hasSize(2);
    }

    @Test
    void aFailedScrapeReportsItsErrorAndKeepsTheLastReadingForBalancingUntilStale() {
        UpstreamPool pool = pool(null, endpoint("10.0.0.1", URL_A));
        start(pool);
        fetcher.answer(CompletableFuture.completedFuture(PAGE));
        scheduler.advance(INTERVAL);
        for (int i = 0; i < 4; i++) {
            fetcher.answer(CompletableFuture.failedFuture(new ScrapeException("HTTP 404 Not Found")));
        }

        scheduler.advance(INTERVAL);

        BackendSample failed = sample("10.0.0.1:8000");
        assertThat(failed.status()).isEqualTo(ScrapeStatus.ERROR);
        assertThat(failed.lastError()).isEqualTo("HTTP 404 Not Found");
        assertThat(failed.reading().runningRequests()).isEqualTo(14);
        assertThat(failed.stale()).isFalse();
        assertThat(pool.endpoints().get(0).telemetry().gpuUtilPercent()).isEqualTo(89.0);

        scheduler.advance(INTERVAL.multipliedBy(3));

        BackendSample stale = sample("10.0.0.1:8000");
        assertThat(stale.stale()).isTrue();
        assertThat(stale.lastAttemptAt()).isAfter(stale.lastSuccessAt());
        assertThat(pool.endpoints().get(0).telemetry()).isEqualTo(EndpointTelemetry.NONE);
    }

    @Test
    void aPageWithoutKnownMetricsIsAnErrorThatSaysWhy() {
        start(pool(null, endpoint("10.0.0.1", URL_A)));
        fetcher.answer(CompletableFuture.completedFuture("<html>\n<body>Welcome to nginx!</body>\n</html>\n"));

        scheduler.advance(INTERVAL);

        BackendSample sample = sample("10.0.0.1:8000");
        assertThat(sample.status()).isEqualTo(ScrapeStatus.ERROR);
        assertThat(sample.lastError()).startsWith("no DCGM, vLLM or SGLang metrics on the page (3 malformed lines skipped; first: line 1:");
        assertThat(sample.skippedLines()).isEqualTo(3);
        assertThat(sample.reading()).isNull();
    }

    @Test
    void aFetcherThatThrowsIsAFailedScrapeNotADeadLoop() {
        start(pool(null, endpoint("10.0.0.1", URL_A)));
        fetcher.throwing = new IllegalStateException("event loop shut down");

        scheduler.advance(INTERVAL);
        fetcher.throwing = null;
        fetcher.answer(CompletableFuture.completedFuture(PAGE));
        scheduler.advance(INTERVAL);

        assertThat(sample("10.0.0.1:8000").status()).isEqualTo(ScrapeStatus.OK);
    }

    @Test
    void closeStopsScrapingAndDropsTheResultInFlight() {
        CompletableFuture<String> inFlight = new CompletableFuture<>();
        UpstreamPool pool = pool(null, endpoint("10.0.0.1", URL_A));
        BackendScraper scraper = start(pool);
        fetcher.answer(inFlight);
        scheduler.advance(INTERVAL);

        scraper.close();
        inFlight.complete(PAGE);
        scheduler.advance(INTERVAL.multipliedBy(3));

        assertThat(fetcher.urls).hasSize(1);
        assertThat(sample("10.0.0.1:8000").status()).isEqualTo(ScrapeStatus.PENDING);
        assertThat(pool.endpoints().get(0).telemetry()).isEqualTo(EndpointTelemetry.NONE);
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void aReloadKeepsTheSamplesOfEndpointsThatStayAndForgetsTheOthers() {
        UpstreamPool before = pool(null, endpoint("10.0.0.1", URL_A), endpoint("10.0.0.2", "http://10.0.0.2:9400/metrics"),
                endpoint("10.0.0.3", "http://10.0.0.3:9400/metrics"));
        BackendScraper first = start(before);
        for (int i = 0; i < 3; i++) {
            fetcher.answer(CompletableFuture.completedFuture(PAGE));
        }
        scheduler.advance(INTERVAL);

        first.close();
        UpstreamPool after = pool(before, endpoint("10.0.0.1", URL_A), endpoint("10.0.0.2", "http://10.0.0.2:9500/metrics"),
                endpoint("10.0.0.4", null));
        metrics.track(List.of(after));

        assertThat(metrics.snapshot().pools()).singleElement().satisfies(p -> assertThat(p.endpoints())
                .extracting(BackendSample::endpoint, BackendSample::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("10.0.0.1:8000", ScrapeStatus.OK),
                        org.assertj.core.groups.Tuple.tuple("10.0.0.2:8000", ScrapeStatus.PENDING),
                        org.assertj.core.groups.Tuple.tuple("10.0.0.4:8000", ScrapeStatus.NO_METRICS)));
        Endpoint kept = after.endpoints().get(0);
        assertThat(kept).isSameAs(before.endpoints().get(0));
        assertThat(kept.telemetry().gpuUtilPercent()).isEqualTo(89.0);
    }

    /** Answers scrapes from a queue of prepared futures and remembers what was asked. */
    private static final class FakeFetcher implements MetricsFetcher {
        final List<URI> urls = new ArrayList<>();
        final List<Duration> timeouts = new ArrayList<>();
        final Deque<CompletableFuture<String>> answers = new ArrayDeque<>();
        RuntimeException throwing;

        void answer(CompletableFuture<String> page) {
            answers.add(page);
        }

        @Override
        public CompletableFuture<String> fetch(URI url, Duration timeout) {
            if (throwing != null) {
                throw throwing;
            }
            urls.add(url);
            timeouts.add(timeout);
            CompletableFuture<String> next = answers.poll();
            return next != null ? next : new CompletableFuture<>();
        }
    }
}
