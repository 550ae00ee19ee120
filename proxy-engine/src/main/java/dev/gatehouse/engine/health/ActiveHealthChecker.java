package dev.gatehouse.engine.health;

import dev.gatehouse.engine.config.HealthCheckConfig;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Probes a pool's endpoints every {@code interval} (give or take 10%, so
 * endpoints and gateway instances do not probe in lockstep) and reports each endpoint's verdict
 * to its {@link ManagedHealth}. At most one probe per endpoint is in flight; the next is
 * scheduled when the previous one has finished. {@link #close()} stops all of it.
 *
 * <p>One checker per pool and config snapshot: on reload, close the old one and start a new one
 * over the endpoints that stayed; their verdicts carry over through {@link ManagedHealth}.
 */
public final class ActiveHealthChecker implements AutoCloseable {

    /** Relative spread of the probe interval. */
    static final double JITTER = 0.1;

    private final HealthCheckConfig config;
    private final Prober prober;
    private final Scheduler scheduler;
    private final DoubleSupplier random;
    private final List<Loop> loops;
    private volatile boolean closed;

    ActiveHealthChecker(HealthCheckConfig config, List<CheckTarget> targets, Prober prober,
            Scheduler scheduler, DoubleSupplier random) {
        this.config = Objects.requireNonNull(config, "config");
        this.prober = Objects.requireNonNull(prober, "prober");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.random = Objects.requireNonNull(random, "random");
        this.loops = List.copyOf(targets).stream().map(Loop::new).toList();
    }

    /**
     * Starts probing {@code targets} over HTTP with clients of {@code channelType} on
     * {@code group}; {@code executor} times the probes and resolves host names, so it must not
     * be an event loop. The caller owns both and shuts them down after closing the checker.
     */
    public static ActiveHealthChecker start(HealthCheckConfig config, List<CheckTarget> targets,
            EventLoopGroup group, Class<? extends SocketChannel> channelType,
            ScheduledExecutorService executor) {
        return start(config, targets, Prober.http(group, channelType), Scheduler.of(executor));
    }

    /**
     * Starts probing {@code targets} with any prober and scheduler. Does nothing when checks
     * are disabled in {@code config}.
     */
    public static ActiveHealthChecker start(HealthCheckConfig config, List<CheckTarget> targets,
            Prober prober, Scheduler scheduler) {
        ActiveHealthChecker checker = new ActiveHealthChecker(config, targets, prober, scheduler,
                () -> ThreadLocalRandom.current().nextDouble());
        checker.start();
        return checker;
    }

    void start() {
        if (!config.enabled()) {
            return;
        }
        for (Loop loop : loops) {
            // The first probes are spread over a tenth of the interval instead of all at once.
            schedule(loop, scaled(config.interval(), JITTER * random.getAsDouble()));
        }
    }

    /** Stops scheduling probes; a probe in flight finishes but its result is dropped. */
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
        if (!closed) {
            loop.next = scheduler.schedule(() -> probe(loop), delay);
        }
    }

    private void probe(Loop loop) {
        if (closed) {
            return;
        }
        CheckTarget target = loop.target;
        CompletableFuture<Boolean> result;
        try {
            result = prober.probe(target.host(), target.port(), config.path(), config.timeout());
        } catch (RuntimeException e) {
            result = CompletableFuture.completedFuture(false);
        }
        result.whenComplete((ok, error) -> {
            if (closed) {
                return;
            }
            boolean up = loop.tally.record(error == null && Boolean.TRUE.equals(ok));
            target.health().reportActiveCheck(up);
            double spread = 1.0 - JITTER + 2 * JITTER * random.getAsDouble();
            schedule(loop, scaled(config.interval(), spread));
        });
    }

    private static Duration scaled(Duration duration, double factor) {
        return Duration.ofNanos((long) (duration.toNanos() * factor));
    }

    /** One endpoint's probe loop: its tally and the next scheduled probe. */
    private final class Loop {
        final CheckTarget target;
        final ProbeTally tally;
        volatile Future<?> next;

        Loop(CheckTarget target) {
            this.target = target;
            // Starts from the health's last verdict so a reload does not revive a down endpoint.
            this.tally = new ProbeTally(config.unhealthyThreshold(), config.healthyThreshold(),
                    target.health().activeCheckUp());
        }
    }
}
