package dev.gatehouse.engine.telemetry.backend;

import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Reads the local machine's GPUs with {@code nvidia-smi} every interval on its own thread (a
 * process start and wait must never run on an event loop). Where the command does not exist the
 * monitor reports {@link LocalGpuStatus#NOT_PRESENT} once and stops: most machines have no GPU.
 */
public final class LocalGpuMonitor implements AutoCloseable {

    /** The real command; tests pass a script that prints recorded output instead. */
    public static final List<String> NVIDIA_SMI = List.of("nvidia-smi", "--query-gpu=" + NvidiaSmiParser.QUERY,
            "--format=csv,noheader,nounits");
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    /** nvidia-smi answers in well under a second; a hung driver must not stall the monitor. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final List<String> command;
    private final Duration timeout;
    private final Clock clock;
    private final Consumer<LocalGpuReport> sink;
    private final ScheduledExecutorService executor;
    private LocalGpuReport last = LocalGpuReport.PENDING;
    private volatile boolean closed;

    LocalGpuMonitor(List<String> command, Duration timeout, Clock clock, Consumer<LocalGpuReport> sink) {
        this.command = List.copyOf(command);
        if (this.command.isEmpty()) {
            throw new IllegalArgumentException("command: empty");
        }
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.executor = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("gatehouse-local-gpus", true));
    }

    /** Queries {@code command} now and then every {@code interval}, handing each report to {@code sink}. */
    public static LocalGpuMonitor start(List<String> command, Duration interval, Clock clock,
            Consumer<LocalGpuReport> sink) {
        LocalGpuMonitor monitor = new LocalGpuMonitor(command, TIMEOUT, clock, sink);
        monitor.executor.scheduleWithFixedDelay(monitor::poll, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        return monitor;
    }

    private void poll() {
        LocalGpuReport report = query();
        if (closed) {
            return; // close() interrupted the query: what it says is about the interruption, not the GPUs
        }
        sink.accept(report);
        if (report.status() == LocalGpuStatus.NOT_PRESENT) {
            executor.shutdown();
        }
    }

    /** Runs the command once on the calling thread and returns what it said. */
    synchronized LocalGpuReport query() {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            last = LocalGpuReport.notPresent(clock.instant());
            return last;
        }
        last = read(process);
        return last;
    }

    private LocalGpuReport read(Process process) {
        // Read on another thread: a command that writes much and never exits must not block the wait.
        CompletableFuture<String> output = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (InputStream in = process.getInputStream()) {
                output.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.completeExceptionally(e);
            }
        });
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                process.destroyForcibly();
                return last.failed(command.get(0) + " did not answer within " + timeout.toMillis() + " ms",
                        clock.instant());
            }
            String text = output.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (process.exitValue() != 0) {
                return last.failed(command.get(0) + " exited with " + process.exitValue() + ": "
                        + firstLine(text), clock.instant());
            }
            List<GpuSample> gpus = NvidiaSmiParser.parse(text);
            if (gpus.isEmpty()) {
                return last.failed("no GPU in the output of " + command.get(0) + ": " + firstLine(text), clock.instant());
            }
            return LocalGpuReport.ok(gpus, clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return last.failed("interrupted", clock.instant());
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            return last.failed("could not read the output of " + command.get(0) + ": " + e, clock.instant());
        }
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("(no output)");
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    /** False once the monitor stopped, by {@link #close()} or because there is no such command. */
    boolean isPolling() {
        return !executor.isTerminated();
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
    }
}
