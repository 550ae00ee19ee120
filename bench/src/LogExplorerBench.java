import dev.gatehouse.engine.EngineOptions;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.accesslog.store.AccessLogStore;
import dev.gatehouse.engine.accesslog.store.StoreOptions;
import dev.gatehouse.engine.admin.EmbeddedGatewayControl;
import dev.gatehouse.engine.admin.ServedConfig;
import dev.gatehouse.engine.admin.TrafficRecords;
import dev.gatehouse.engine.config.ConfigStore;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.ListenerConfig;
import dev.gatehouse.engine.telemetry.Telemetry;
import dev.gatehouse.ui.logs.FilterKey;
import dev.gatehouse.ui.logs.LogFilter;
import dev.gatehouse.ui.logs.LogsViewModel;
import dev.gatehouse.ui.logs.SavedQueries;
import dev.gatehouse.ui.logs.TimeRange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The log explorer's steps timed against a filled access log store (bench/log-explorer.sh runs
 * it): the view model exactly as the console runs it, engine calls on virtual threads, answers
 * applied on one "FX" thread, over the real store behind EmbeddedGatewayControl. A step ends when
 * the table's page is in ("table ms") and when the histogram is in too ("all ms").
 *   java -cp 'app/target/lib/*' bench/src/LogExplorerBench.java DB RUNS
 */
public final class LogExplorerBench {

    /** The end of the day LogStoreBench fills (2026-11-24): "now" for the explorer's presets. */
    static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        Path home = Files.createTempDirectory("log-explorer-bench");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        AccessLogStore store = AccessLogStore.open(StoreOptions.defaults(db).withRetention(Duration.ofDays(36_500), 0));
        Telemetry telemetry = new Telemetry(clock);
        TrafficRecords traffic = TrafficRecords.of(telemetry, store);
        GatewayEngine engine = GatewayEngine.start(new GatewayConfig(List.of(ListenerConfig.of("127.0.0.1", 0)), List.of(), List.of(), null),
                EngineOptions.defaults().withWorkerThreads(1).withRecords(telemetry).withActivity(telemetry));
        ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
        ExecutorService fx = Executors.newSingleThreadExecutor(r -> new Thread(r, "fx"));
        try {
            EmbeddedGatewayControl control = new EmbeddedGatewayControl(
                    ServedConfig.inStore(engine, new ConfigStore(home.resolve("config"))), traffic, clock);
            Bench bench = new Bench(() -> new LogsViewModel(control, new SavedQueries(home), background, fx::execute, clock), fx);
            System.out.printf(Locale.ROOT, "records=%d db_mb=%.0f runs=%d (after 2 warm-up runs)%n",
                    count(db), Files.size(db) / 1e6, runs);
            List<String[]> rows = new ArrayList<>();
            bench.open(rows, runs);
            for (Map.Entry<String, LogFilter> filter : filters().entrySet()) {
                bench.apply(rows, runs, filter.getKey(), filter.getValue());
            }
            bench.scroll(rows, runs, 20);
            System.out.println();
            System.out.println("| step | records shown | table ms median | p95 | max | all ms (with histogram) median | p95 | max |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            rows.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
        } finally {
            fx.shutdownNow();
            background.shutdownNow();
            engine.close();
            traffic.logQueries().close();
            store.close();
        }
    }

    private static long count(Path db) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             var rows = connection.createStatement().executeQuery("SELECT max(id) FROM access_log")) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /** The filters a user applies, each from the default view (the last 24 hours, nothing else). */
    static Map<String, LogFilter> filters() {
        LogFilter day = LogFilter.DEFAULT;
        Map<String, LogFilter> filters = new java.util.LinkedHashMap<>();
        filters.put("model", day.with(FilterKey.MODEL, "deepseek-v3"));
        filters.put("model + 5xx", day.with(FilterKey.MODEL, "deepseek-v3").with(FilterKey.STATUS, "5"));
        filters.put("consumer, last hour", day.with(FilterKey.CONSUMER, "consumer-17")
                .withRange(TimeRange.of(TimeRange.Preset.LAST_HOUR)));
        filters.put("4xx + 5xx", day.with(FilterKey.STATUS, "4,5"));
        filters.put("route + stream + 2xx", day.with(FilterKey.ROUTE, "chat").with(FilterKey.TYPE, "stream")
                .with(FilterKey.STATUS, "2"));
        filters.put("upstream host + cache hit", day.with(FilterKey.HOST, "192.168.10.12:8000").with(FilterKey.CACHE, "hit"));
        filters.put("rate-limited", day.with(FilterKey.LIMITED, "yes"));
        filters.put("fallback", day.with(FilterKey.FALLBACK, "yes"));
        filters.put("slower than 20 s", day.with(FilterKey.SLOWER, "20000"));
        filters.put("text \"within\", last hour", day.with(FilterKey.TEXT, "within")
                .withRange(TimeRange.of(TimeRange.Preset.LAST_HOUR)));
        filters.put("custom 10-minute range (histogram drag)", day.withRange(TimeRange.between(
                NOW.minus(Duration.ofHours(6)).toEpochMilli(), NOW.minus(Duration.ofHours(6)).plusSeconds(600).toEpochMilli())));
        return filters;
    }

    /** Runs steps on the "FX" thread and waits, spinning briefly, for the view model to settle. */
    static final class Bench {
        private final java.util.function.Supplier<LogsViewModel> models;
        private final ExecutorService fx;

        Bench(java.util.function.Supplier<LogsViewModel> models, ExecutorService fx) {
            this.models = models;
            this.fx = fx;
        }

        void open(List<String[]> rows, int runs) throws Exception {
            time(rows, runs, "open (first page + histogram)", run -> { }, LogsViewModel::open);
        }

        void apply(List<String[]> rows, int runs, String name, LogFilter filter) throws Exception {
            time(rows, runs, "apply filter: " + name, this::openAndSettle, m -> m.apply(filter));
        }

        void scroll(List<String[]> rows, int runs, int pages) throws Exception {
            double[] table = new double[runs * pages];
            int shown = 0;
            for (int run = -2; run < runs; run++) {
                LogsViewModel model = models.get();
                openAndSettle(model);
                for (int page = 0; page < pages; page++) {
                    long start = System.nanoTime();
                    run(model::loadMore);
                    long[] done = settle(model);
                    if (run >= 0) {
                        table[run * pages + page] = (done[0] - start) / 1e6;
                    }
                }
                shown = on(() -> model.rows().size());
            }
            rows.add(row("scroll: next page (" + pages + " pages deep, every page)", shown, table, table));
        }

        private void time(List<String[]> rows, int runs, String name, Consumer<LogsViewModel> before,
                          Consumer<LogsViewModel> step) throws Exception {
            double[] table = new double[runs];
            double[] all = new double[runs];
            int shown = 0;
            for (int run = -2; run < runs; run++) {
                LogsViewModel model = models.get();
                before.accept(model);
                long start = System.nanoTime();
                run(() -> step.accept(model));
                long[] done = settle(model);
                if (run >= 0) {
                    table[run] = (done[0] - start) / 1e6;
                    all[run] = (done[1] - start) / 1e6;
                }
                shown = on(() -> model.rows().size());
            }
            rows.add(row(name, shown, table, all));
            System.err.println("[log-explorer] " + String.join(" | ", rows.get(rows.size() - 1)));
        }

        private void openAndSettle(LogsViewModel model) {
            try {
                run(model::open);
                settle(model);
                // The pickers' values come after the first page; let them in before timing the next step.
                while (on(() -> model.models().isEmpty() || model.consumers().isEmpty())) {
                    LockSupport.parkNanos(200_000);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** When the page was in and when the histogram was in too (System.nanoTime). */
        private long[] settle(LogsViewModel model) throws Exception {
            long tableAt = 0;
            while (true) {
                boolean[] state = on(() -> new boolean[] {model.loadingProperty().get(), model.histogramLoadingProperty().get()});
                long now = System.nanoTime();
                if (!state[0] && tableAt == 0) {
                    tableAt = now;
                }
                if (!state[0] && !state[1]) {
                    String problem = on(() -> model.messageProperty().get());
                    if (!problem.isEmpty()) {
                        throw new IllegalStateException(problem);
                    }
                    return new long[] {tableAt, now};
                }
                LockSupport.parkNanos(50_000);
            }
        }

        private <T> T on(java.util.concurrent.Callable<T> action) throws Exception {
            return fx.submit(action).get();
        }

        private void run(Runnable action) throws Exception {
            fx.submit(action).get();
        }

        private static String[] row(String name, int shown, double[] table, double[] all) {
            return new String[] {name, String.valueOf(shown), ms(table, 0.5), ms(table, 0.95), ms(table, 1),
                    ms(all, 0.5), ms(all, 0.95), ms(all, 1)};
        }

        private static String ms(double[] values, double quantile) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int i = quantile >= 1 ? sorted.length - 1 : Math.max(0, (int) Math.ceil(sorted.length * quantile) - 1);
            return String.format(Locale.ROOT, "%.1f", sorted[i]);
        }
    }
}
