import dev.gatehouse.engine.accesslog.AccessRecord;
import dev.gatehouse.engine.accesslog.query.AccessLogQueries;
import dev.gatehouse.engine.accesslog.query.LogCursor;
import dev.gatehouse.engine.accesslog.query.LogPage;
import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.engine.accesslog.query.TopDimension;
import dev.gatehouse.engine.accesslog.query.TopOrder;
import dev.gatehouse.engine.accesslog.store.AccessLogStore;
import dev.gatehouse.engine.accesslog.store.StoreOptions;
import dev.gatehouse.engine.accesslog.store.StoreStats;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * The access log store's benchmark (bench/log-store.sh runs it): sustained ingest rate, then
 * query timings over a database of RECORDS records spread over one day. Prints markdown.
 *   java -cp 'app/target/lib/*' bench/src/LogStoreBench.java ingest DB SECONDS
 *   java -cp 'app/target/lib/*' bench/src/LogStoreBench.java fill DB RECORDS
 *   java -cp 'app/target/lib/*' bench/src/LogStoreBench.java query DB RUNS
 */
public final class LogStoreBench {

    static final Instant DAY = Instant.parse("2026-11-24T00:00:00Z");
    static final String[] ROUTES = {"chat", "chat-premium", "embeddings", "completions", "rerank", "vision", "batch", "legacy"};
    static final String[] MODELS = {"qwen2.5-72b-instruct", "qwen2.5-7b-instruct", "deepseek-v3", "deepseek-r1",
            "llama-3.1-70b", "glm-4-9b", "bge-m3", "qwen2-vl-7b", "mixtral-8x7b", "yi-34b", "baichuan2-13b", "internlm2-20b"};
    static final String[] HOSTS = {"192.168.10.11:8000", "192.168.10.12:8000", "192.168.10.13:8000", "192.168.10.14:8000",
            "192.168.10.15:8000", "192.168.10.16:8000", "192.168.10.17:8000", "192.168.10.18:8000",
            "192.168.10.19:8000", "192.168.10.20:8000"};
    static final String[] AGENTS = {"OpenAI/Python 1.52.0", "OpenAI/NodeJS 4.67.3", "langchain-python/0.3.7",
            "curl/8.5.0", "Apifox/1.0.0 (https://apifox.com)", "python-requests/2.32.3", "Go-http-client/1.1"};
    static final String[] PATHS = {"/v1/chat/completions", "/v1/chat/completions", "/v1/chat/completions",
            "/v1/embeddings", "/v1/completions", "/v1/rerank", "/v1/models"};
    static final int[] STATUSES = {200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200,
            200, 200, 200, 400, 401, 429, 500, 502, 503, 504};

    /** Realistic records: 50 consumers with one or two favourite models, routes by model, hosts by route. */
    static final class Generator {
        private final SplittableRandom random;

        Generator(long seed) {
            random = new SplittableRandom(seed);
        }

        AccessRecord next(Instant start) {
            int consumerNo = random.nextInt(50);
            int modelNo = (consumerNo * 7 + (random.nextInt(4) == 0 ? 1 : 0)) % MODELS.length;
            int routeNo = modelNo % ROUTES.length;
            String host = HOSTS[(routeNo * 3 + random.nextInt(3)) % HOSTS.length];
            int status = STATUSES[random.nextInt(STATUSES.length)];
            boolean stream = random.nextBoolean();
            long durationMicros = (long) Math.exp(random.nextDouble() * 2.5 + random.nextDouble() * 2.5 + 6);
            if (random.nextInt(1000) == 0) {
                durationMicros += 30_000_000;  // a long stream now and then
            }
            String details = status < 500 ? status == 429 ? "rate_limit_exceeded" : "via_upstream"
                    : status == 504 ? "upstream_timeout" : status == 503 ? "no_healthy_upstream" : "upstream_reset";
            String failure = status >= 502 && status != 503 ? "upstream " + host + " of pool \"pool-" + ROUTES[routeNo]
                    + "\" " + (status == 504 ? "did not answer within 60000 ms" : "closed the connection before answering") : null;
            long in = status == 200 ? 50 + random.nextInt(4_000) : 0;
            long out = status == 200 ? random.nextInt(1_500) : 0;
            String requestId = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
            String traceId = Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
            String client = "10.20." + random.nextInt(4) + "." + (1 + random.nextInt(250));
            return new AccessRecord(requestId, traceId, start, "POST", PATHS[random.nextInt(PATHS.length)],
                    "gateway.example.com", client, AGENTS[random.nextInt(AGENTS.length)], ROUTES[routeNo],
                    "pool-" + ROUTES[routeNo], status == 503 ? null : host, status, details, durationMicros * 1_000,
                    durationMicros * 900, 200 + random.nextInt(8_000), status == 200 ? 300 + random.nextInt(20_000) : 180,
                    "chat_completions", MODELS[modelNo], "consumer-" + consumerNo, in, out, random.nextInt(20) == 0,
                    stream ? durationMicros * 200 : -1, durationMicros * 1_000, stream ? "stream" : "normal",
                    random.nextInt(10) == 0 ? "hit" : "miss", random.nextInt(50) == 0 ? "pool-fallback" : null,
                    "pass", status == 429 ? "consumer_tokens_per_minute" : "pass", "HTTP/1.1", 20_000,
                    durationMicros * 100, failure, "192.168.1.5:" + (30_000 + random.nextInt(30_000)), client,
                    "192.168.1.5:8080", client + ":" + (1_024 + random.nextInt(60_000)));
        }
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[1]);
        switch (args[0]) {
            case "ingest" -> ingest(db, Integer.parseInt(args[2]));
            case "fill" -> fill(db, Long.parseLong(args[2]));
            case "query" -> query(db, Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("ingest | fill | query");
        }
    }

    /** As fast as the writer takes them: the producer only waits while the queue is nearly full. */
    static void ingest(Path db, int seconds) throws Exception {
        Files.deleteIfExists(db);
        AccessLogStore store = AccessLogStore.open(StoreOptions.defaults(db));
        Generator generator = new Generator(1);
        long started = System.nanoTime();
        long end = started + Duration.ofSeconds(seconds).toNanos();
        long offered = 0;
        long warmEnd = started + Duration.ofSeconds(2).toNanos();
        long writtenAtWarm = -1;
        long warmAt = 0;
        long writerCpuAtWarm = 0;
        while (System.nanoTime() < end) {
            if (writtenAtWarm < 0 && System.nanoTime() >= warmEnd) {
                writtenAtWarm = store.stats().written();
                writerCpuAtWarm = writerCpuNanos();
                warmAt = System.nanoTime();
            }
            StoreStats stats = store.stats();
            if (stats.queueDepth() > stats.queueCapacity() * 3 / 4) {
                LockSupport.parkNanos(200_000);
                continue;
            }
            for (int i = 0; i < 1_000; i++) {
                store.accept(generator.next(DAY.plusMillis(offered / 60)));
                offered++;
            }
        }
        long writtenAtEnd = store.stats().written();
        long writerCpu = writerCpuNanos() - writerCpuAtWarm;
        long endAt = System.nanoTime();
        store.close();
        StoreStats stats = store.stats();
        double rate = (writtenAtEnd - writtenAtWarm) / ((endAt - warmAt) / 1e9);
        System.out.printf(Locale.ROOT, "INGEST records_per_s=%.0f writer_cpu_us_per_record=%.2f seconds=%d written=%d"
                        + " dropped=%d db_mb=%.1f%n", rate, writerCpu / 1e3 / (writtenAtEnd - writtenAtWarm), seconds,
                stats.written(), stats.dropped(), Files.size(db) / 1e6);
    }

    /**
     * CPU time of the store's writer thread: what one record costs the writer, steadier than the
     * rate when other work shares the machine's cores.
     */
    static long writerCpuNanos() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("access-log-writer")) {
                return ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.threadId());
            }
        }
        throw new IllegalStateException("no access-log-writer thread");
    }

    /** RECORDS records over one day, in time order with jitter, written through the store. */
    static void fill(Path db, long records) throws Exception {
        Files.deleteIfExists(db);
        long started = System.nanoTime();
        AccessLogStore store = AccessLogStore.open(StoreOptions.defaults(db).withRetention(Duration.ofDays(36_500), 0));
        Generator generator = new Generator(2);
        long dayMicros = 86_400_000_000L;
        SplittableRandom jitter = new SplittableRandom(3);
        for (long n = 0; n < records; n++) {
            while (store.stats().queueDepth() > store.stats().queueCapacity() * 3 / 4) {
                LockSupport.parkNanos(200_000);
            }
            long micros = n * dayMicros / records + jitter.nextLong(2_000_000);
            store.accept(generator.next(DAY.plusNanos(micros * 1_000)));
        }
        store.close();
        System.out.printf(Locale.ROOT, "FILL records=%d written=%d dropped=%d seconds=%.0f db_mb=%.0f%n", records,
                store.stats().written(), store.stats().dropped(), (System.nanoTime() - started) / 1e9, Files.size(db) / 1e6);
    }

    static void query(Path db, int runs) throws Exception {
        long openStart = System.nanoTime();
        AccessLogStore store = AccessLogStore.open(StoreOptions.defaults(db).withRetention(Duration.ofDays(36_500), 0));
        double openMs = (System.nanoTime() - openStart) / 1e6;
        try (store; AccessLogQueries queries = AccessLogQueries.over(store)) {
            long day0 = DAY.toEpochMilli();
            long day1 = day0 + 86_400_000L;
            long lastHour = day1 - 3_600_000L;
            LogQuery wholeDay = LogQuery.builder().between(day0, day1).build();
            LogPage middle = queries.page(LogQuery.builder().between(day0, day0 + 43_200_000L).build(), null, 1);
            LogCursor deep = middle.next() != null ? new LogCursor(middle.entries().get(0).startMicros(), middle.entries().get(0).id()) : null;
            String trace = middle.entries().get(0).record().traceId();
            List<String[]> rows = new ArrayList<>();
            System.out.printf(Locale.ROOT, "OPEN ms=%.0f (includes quick_check of the whole file)%n", openMs);

            time(rows, runs, "page 1 (100), no filter", () -> queries.page(LogQuery.all(), null, 100).entries().size());
            time(rows, runs, "page 1, model + 5xx", () -> queries.page(LogQuery.builder().model("deepseek-v3").statusClasses(5).build(), null, 100).entries().size());
            time(rows, runs, "page 1, consumer + last hour", () -> queries.page(LogQuery.builder().consumer("consumer-17").between(lastHour, day1).build(), null, 100).entries().size());
            time(rows, runs, "page 1, route + stream + 2xx", () -> queries.page(LogQuery.builder().route("chat").responseType("stream").statusClasses(2).build(), null, 100).entries().size());
            time(rows, runs, "page 1, upstream host + cache hit", () -> queries.page(LogQuery.builder().upstreamHost("192.168.10.12:8000").cacheStatus("hit").build(), null, 100).entries().size());
            time(rows, runs, "page 1, rate-limited", () -> queries.page(LogQuery.builder().rateLimited(true).build(), null, 100).entries().size());
            time(rows, runs, "page 1, fallback", () -> queries.page(LogQuery.builder().fallback(true).build(), null, 100).entries().size());
            time(rows, runs, "page 1, slower than 20 s", () -> queries.page(LogQuery.builder().minDurationMillis(20_000).build(), null, 100).entries().size());
            time(rows, runs, "page 1, slower than 100 ms", () -> queries.page(LogQuery.builder().minDurationMillis(100).build(), null, 100).entries().size());
            time(rows, runs, "trace id lookup", () -> queries.page(LogQuery.builder().traceId(trace).build(), null, 100).entries().size());
            time(rows, runs, "deep page (cursor mid-day, ~half the records behind it)", () -> queries.page(LogQuery.all(), deep, 100).entries().size());
            time(rows, runs, "deep page, model filter", () -> queries.page(LogQuery.builder().model("qwen2.5-72b-instruct").build(), deep, 100).entries().size());
            time(rows, runs, "per-minute over the day, no filter (rollup)", () -> queries.perMinute(wholeDay).size());
            time(rows, runs, "per-minute over the day, model (rollup)", () -> queries.perMinute(wholeDay.toBuilder().model("deepseek-r1").build()).size());
            time(rows, runs, "per-minute over the day, consumer + 5xx (rollup)", () -> queries.perMinute(wholeDay.toBuilder().consumer("consumer-3").statusClasses(5).build()).size());
            time(rows, runs, "per-minute over 1 h, model + consumer (raw rows)", () -> queries.perMinute(LogQuery.builder().between(lastHour, day1).model("yi-34b").consumer("consumer-3").build()).size());
            time(rows, runs, "top 10 models over the day (rollup)", () -> queries.top(wholeDay, TopDimension.MODEL, TopOrder.TOKENS, 10).size());
            time(rows, runs, "top 10 consumers over the day (rollup)", () -> queries.top(wholeDay, TopDimension.CONSUMER, TopOrder.REQUESTS, 10).size());
            time(rows, runs, "top 10 routes over the day, 5xx (rollup)", () -> queries.top(wholeDay.toBuilder().statusClasses(5).build(), TopDimension.ROUTE, TopOrder.ERRORS, 10).size());
            time(rows, runs, "top 10 models of one consumer over 1 h (raw rows)", () -> queries.top(LogQuery.builder().between(lastHour, day1).consumer("consumer-3").build(), TopDimension.MODEL, TopOrder.REQUESTS, 10).size());
            time(rows, runs, "text search page, \"within\" (504s), last hour", () -> queries.page(LogQuery.builder().text("within").between(lastHour, day1).build(), null, 100).entries().size());
            time(rows, runs, "text search page, \"curl\" over the day", () -> queries.page(LogQuery.builder().text("curl").build(), null, 100).entries().size());
            time(rows, runs, "text search page, \"rerank\" + model", () -> queries.page(LogQuery.builder().text("rerank").model("baichuan2-13b").build(), null, 100).entries().size());

            System.out.println();
            System.out.println("| query | rows | median ms | p95 ms | max ms |");
            System.out.println("|---|---:|---:|---:|---:|");
            rows.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
        }
    }

    static void time(List<String[]> rows, int runs, String name, Callable<Integer> query) throws Exception {
        int count = 0;
        for (int i = 0; i < 2; i++) {
            count = query.call();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            count = query.call();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        String row = String.format(Locale.ROOT, "%s|%d|%.1f|%.1f|%.1f", name, count, ms[runs / 2],
                ms[Math.max(0, (int) Math.ceil(runs * 0.95) - 1)], ms[runs - 1]);
        rows.add(row.split("\\|"));
        System.err.println("[log-store] " + row);
    }
}
