package dev.gatehouse.engine.telemetry.backend;

import dev.gatehouse.engine.health.Scheduler;
import dev.gatehouse.engine.health.Ticker;
import dev.gatehouse.engine.upstream.Endpoint;
import dev.gatehouse.engine.upstream.EndpointTelemetry;
import dev.gatehouse.engine.upstream.UpstreamPool;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Scrapes the metrics URL of every endpoint of one config snapshot on its pool's
 * {@code metricsInterval} (give or take 10%, so that gateways and endpoints do not scrape in
 * lockstep), with a timeout of half the interval (at most {@link #MAX_TIMEOUT}). Each result
 * goes to {@link BackendMetrics} and, as {@link EndpointTelemetry}, to the endpoint, where
 * GPU-aware balancing reads it. At most one scrape per endpoint is in flight.
 *
 * <p>One scraper per config snapshot: on reload close the old one and start a new one; samples
 * of the endpoints that stayed carry over in {@link BackendMetrics}.
 */
public final class BackendScraper implements AutoCloseable {

    static final double JITTER = 0.1;
    static final Duration MAX_TIMEOUT = Duration.ofSeconds(5);

    private final MetricsFetcher fetcher;
    private final Scheduler scheduler;
    private final BackendMetrics metrics;
    private final Clock clock;
    private final Ticker ticker;
    private final DoubleSupplier random;
    private final List<Loop> loops = new ArrayList<>();
    private volatile boolean closed;

    BackendScraper(MetricsFetcher fetcher, Scheduler scheduler, BackendMetrics metrics, Clock clock, Ticker ticker,
            DoubleSupplier random) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Starts scraping the endpoints of {@code pools} that have a metrics URL. {@code scheduler}
     * runs the scrapes and handles their results, so it must not be an event loop; the caller
     * owns it. {@code metrics} must already {@link BackendMetrics#track track} the same pools.
     */
    public static BackendScraper start(List<UpstreamPool> pools, MetricsFetcher fetcher, Scheduler scheduler,
            BackendMetrics metrics, Clock clock, Ticker ticker) {
        BackendScraper scraper = new BackendScraper(fetcher, scheduler, metrics, clock, ticker,
                () -> ThreadLocalRandom.current().nextDouble());
        scraper.start(pools);
        return scraper;
    }

    void start(List<UpstreamPool> pools) {
        for (UpstreamPool pool : pools) {
            Duration interval = pool.config().metricsInterval();
            for (Endpoint endpoint : pool.endpoints()) {
                if (endpoint.metricsUrl() != null) {
                    Loop loop = new Loop(endpoint, interval);
                    loops.add(loop);
                    // The first scrapes are spread over a tenth of the interval instead of all at once.
                    schedule(loop, scaled(interval, JITTER * random.getAsDouble()));
                }
            }
        }
    }

    /** Stops scraping; a scrape in flight finishes but its result is dropped. */
    @Override
    public void close() {
        closed = true;
        for (Loop loop : loops) {
            Future<?> next = loop.next;
            if (next != null) {
                next.cancel(false);
            }
        }
    }

    private void schedule(Loop loop, Duration delay) {
        schedule(loop, delay, () -> scrape(loop));
    }

    private void scrape(Loop loop) {
        if (closed) {
            return;
        }
        CompletableFuture<String> page;
        try {
            page = fetcher.fetch(URI.create(loop.endpoint.metricsUrl()), loop.timeout());
        } catch (RuntimeException e) {
            page = CompletableFuture.failedFuture(e);
        }
        // The page arrives on an event loop; parsing and bookkeeping move to the scheduler's thread.
        page.whenComplete((text, error) -> schedule(loop, Duration.ZERO, () -> finish(loop, text, error)));
    }

    private void schedule(Loop loop, Duration delay, Runnable task) {
        if (!closed) {
            loop.next = scheduler.schedule(task, delay);
        }
    }

    private void finish(Loop loop, String text, Throwable error) {
        if (closed) {
            return;
        }
        Instant now = clock.instant();
        Endpoint endpoint = loop.endpoint;
        BackendSample sample;
        if (error != null) {
            sample = metrics.update(endpoint.pool(), endpoint.address(), s -> s.failed(describe(error), 0, now));
        } else {
            Exposition page = PromTextParser.parse(text);
            BackendReading reading = MetricsInterpreter.interpret(page);
            sample = metrics.update(endpoint.pool(), endpoint.address(), reading.kinds().isEmpty()
                    ? s -> s.failed(unrecognised(page), page.skippedLines(), now)
                    : s -> s.succeeded(reading, page.skippedLines(), now));
        }
        if (sample != null && sample.status() == ScrapeStatus.OK) {
            endpoint.updateTelemetry(telemetryOf(sample.reading()));
        } else if (sample != null && sample.readingOlderThan(loop.staleAfter(), now)) {
            // One failed scrape keeps the last figures; balancing on figures this old would mislead.
            endpoint.updateTelemetry(EndpointTelemetry.NONE);
        }
        double spread = 1.0 - JITTER + 2 * JITTER * random.getAsDouble();
        schedule(loop, scaled(loop.interval, spread));
    }

    /**
     * The reading as balancing reads it. Latency is left unknown on purpose: the balancer then
     * reads the endpoint's own latency average, which is fresher than any copy made here.
     */
    private EndpointTelemetry telemetryOf(BackendReading reading) {
        Double util = reading.gpuSummary().avgUtilPercent();
        return new EndpointTelemetry(util == null ? Double.NaN : util, Double.NaN,
                reading.kvCacheUsage() == null ? Double.NaN : reading.kvCacheUsage(),
                reading.runningRequests() == null ? -1 : reading.runningRequests(),
                reading.waitingRequests() == null ? -1 : reading.waitingRequests(),
                ticker.nanos());
    }

    private static String unrecognised(Exposition page) {
        String why = "no DCGM, vLLM or SGLang metrics on the page";
        if (page.skippedLines() > 0) {
            why += " (" + page.skippedLines() + " malformed lines skipped; first: " + page.problems().get(0) + ")";
        }
        return why;
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ScrapeException) {
            return cause.getMessage();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private static Duration scaled(Duration duration, double factor) {
        return Duration.ofNanos((long) (duration.toNanos() * factor));
    }

    /** One endpoint's scrape loop and its next scheduled step. */
    private static final class Loop {
        final Endpoint endpoint;
        final Duration interval;
        volatile Future<?> next;

        Loop(Endpoint endpoint, Duration interval) {
            this.endpoint = endpoint;
            this.interval = interval;
        }

        Duration timeout() {
            Duration half = interval.dividedBy(2);
            return half.compareTo(MAX_TIMEOUT) < 0 ? half : MAX_TIMEOUT;
        }

        Duration staleAfter() {
            return interval.multipliedBy(BackendMetrics.STALE_AFTER_INTERVALS);
        }
    }
}
