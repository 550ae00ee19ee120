import dev.gatehouse.engine.EngineOptions;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.accesslog.AccessRecord;
import dev.gatehouse.engine.accesslog.AccessRecordSink;
import dev.gatehouse.engine.config.ConfigLoader;
import dev.gatehouse.engine.telemetry.MetricsSnapshot;
import dev.gatehouse.engine.telemetry.PrometheusRenderer;
import dev.gatehouse.engine.telemetry.Telemetry;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The cost of telemetry (bench/telemetry.sh runs it):
 *   sink SECONDS ROUNDS        CPU ns per record handed to Telemetry, 1 and 2 threads at once, against
 *                              a no-op sink; then the cost of snapshot(), sample() and the Prometheus text
 *   gateway CONFIG on|off      serves CONFIG until killed, with telemetry (sampled every second, and a
 *                              snapshot plus its Prometheus text every second, as dashboard and scraper
 *                              would) or without any sink
 */
public final class TelemetryBench {

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "sink" -> sink(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "gateway" -> gateway(Path.of(args[1]), args[2].equals("on"));
            default -> {
                System.err.println("usage: TelemetryBench sink SECONDS ROUNDS | gateway CONFIG on|off");
                System.exit(2);
            }
        }
    }

    // ---------------------------------------------------------------- sink

    /** Records as a busy AI gateway ends them: 3 routes, 2 pools, 4 endpoints, 5 models, 50 consumers. */
    private static AccessRecord[] realisticRecords(int count) {
        SplittableRandom random = new SplittableRandom(42);
        AccessRecord[] records = new AccessRecord[count];
        Instant start = Instant.parse("2026-11-25T12:00:00Z");
        for (int i = 0; i < count; i++) {
            int pool = random.nextInt(2);
            boolean stream = random.nextInt(10) < 3;
            int roll = random.nextInt(100);
            int status = roll < 2 ? 429 : roll < 3 ? 502 : 200;
            String details = roll < 2 ? "rate_limit_exceeded" : roll < 3 ? "upstream_reset" : "via_upstream";
            long duration = 5_000_000L + random.nextLong(stream ? 8_000_000_000L : 900_000_000L);
            records[i] = new AccessRecord("req-" + i, "trace-" + i, start, "POST", "/v1/chat/completions",
                    "gateway.local", "10.1.0." + random.nextInt(250), "openai-python/1.0",
                    "route-" + random.nextInt(3), status == 429 ? null : "pool-" + pool,
                    status == 429 ? null : "10.0." + pool + "." + random.nextInt(2) + ":8000", status, details,
                    duration, status == 429 ? -1 : duration / 3, 800, 2_000, "chat.completions",
                    "model-" + random.nextInt(5), "consumer-" + random.nextInt(50), random.nextLong(4_000),
                    status == 200 ? random.nextLong(1_000) : 0, false, stream ? duration / 10 : -1, duration,
                    stream ? "stream" : "normal", random.nextInt(5) == 0 ? "hit" : "miss",
                    random.nextInt(20) == 0 ? "pool-1" : null, null, status == 429 ? "limited:consumer_rpm" : "pass");
        }
        return records;
    }

    private static void sink(int seconds, int rounds) throws InterruptedException {
        AccessRecord[] records = realisticRecords(8192);
        Telemetry telemetry = new Telemetry(Clock.systemUTC());
        LongAdder consumed = new LongAdder();
        AccessRecordSink noop = record -> {
            if (record.durationNanos() == Long.MIN_VALUE) {
                consumed.increment(); // never: keeps the loop from being optimised away
            }
        };
        System.out.printf("warm-up %d s each%n", seconds);
        run(noop, records, 2, seconds);
        run(telemetry, records, 2, seconds);
        for (int threads : new int[] {1, 2}) {
            double[] base = new double[rounds];
            double[] with = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                base[r] = run(noop, records, threads, seconds);
                with[r] = run(telemetry, records, threads, seconds);
            }
            Arrays.sort(base);
            Arrays.sort(with);
            System.out.printf("SINK threads=%d noop_cpu_ns=%.1f telemetry_cpu_ns=%.1f added_ns=%.1f per record (median of"
                            + " %d rounds of %d s; telemetry rounds %s)%n", threads, base[rounds / 2], with[rounds / 2],
                    with[rounds / 2] - base[rounds / 2], rounds, seconds, Arrays.stream(with).mapToObj(v -> String.format("%.0f", v)).toList());
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        MetricsSnapshot snapshot = null;
        long t0 = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < 100; i++) {
            snapshot = telemetry.snapshot();
        }
        long snapshotNs = (cpu.getCurrentThreadCpuTime() - t0) / 100;
        t0 = cpu.getCurrentThreadCpuTime();
        int chars = 0;
        for (int i = 0; i < 100; i++) {
            chars = PrometheusRenderer.render(snapshot).length();
        }
        long renderNs = (cpu.getCurrentThreadCpuTime() - t0) / 100;
        t0 = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < 100; i++) {
            telemetry.sample();
        }
        long sampleNs = (cpu.getCurrentThreadCpuTime() - t0) / 100;
        System.out.printf("PERIODIC (CPU time) snapshot_us=%.1f sample_us=%.1f prometheus_us=%.1f prometheus_chars=%d keys=%d"
                        + " requests=%d%n", snapshotNs / 1e3, sampleNs / 1e3, renderNs / 1e3, chars,
                snapshot.routes().size() + snapshot.pools().size() + snapshot.endpoints().size()
                        + snapshot.models().size() + snapshot.consumers().size(), snapshot.total().requests());
        if (consumed.sum() != 0) {
            System.out.println("impossible");
        }
    }

    /**
     * CPU nanoseconds per record with {@code threads} threads feeding {@code sink} for {@code seconds}:
     * each thread's own CPU time, so that time spent descheduled on a shared machine is not counted.
     */
    private static double run(AccessRecordSink sink, AccessRecord[] records, int threads, int seconds)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder count = new LongAdder();
        LongAdder cpuNanos = new LongAdder();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        CountDownLatch ready = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * 977;
            workers.add(Thread.ofPlatform().start(() -> {
                ready.countDown();
                long cpuStart = cpu.getCurrentThreadCpuTime();
                long n = 0;
                int i = offset;
                while (!stop.get()) {
                    for (int k = 0; k < 1024; k++) {
                        sink.accept(records[i]);
                        i = (i + 1) & (records.length - 1);
                    }
                    n += 1024;
                }
                count.add(n);
                cpuNanos.add(cpu.getCurrentThreadCpuTime() - cpuStart);
            }));
        }
        ready.await();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        return (double) cpuNanos.sum() / count.sum();
    }

    // ---------------------------------------------------------------- gateway

    private static void gateway(Path config, boolean withTelemetry) throws Exception {
        EngineOptions options = EngineOptions.defaults();
        ScheduledExecutorService periodic = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "telemetry-bench");
            thread.setDaemon(true);
            return thread;
        });
        if (withTelemetry) {
            Telemetry telemetry = new Telemetry(Clock.systemUTC());
            options = options.withRecords(telemetry).withActivity(telemetry);
            telemetry.startSampling(periodic);
            // What the dashboard (snapshot at 1 Hz) and a Prometheus scraper would add.
            periodic.scheduleAtFixedRate(() -> {
                MetricsSnapshot snapshot = telemetry.snapshot();
                PrometheusRenderer.render(snapshot);
                System.out.println("COUNTED requests=" + snapshot.total().requests() + " input_tokens="
                        + snapshot.total().inputTokens() + " output_tokens=" + snapshot.total().outputTokens());
            }, 1, 1, TimeUnit.SECONDS);
        }
        GatewayEngine engine = GatewayEngine.start(ConfigLoader.load(config), options);
        System.out.println("gateway telemetry=" + (withTelemetry ? "on" : "off") + " listening on " + engine.addresses());
        System.out.flush();
        Thread.currentThread().join();
    }
}
