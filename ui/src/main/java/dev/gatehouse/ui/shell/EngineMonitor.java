package dev.gatehouse.ui.shell;

import dev.gatehouse.engine.admin.ControlException;
import dev.gatehouse.engine.admin.EngineStatus;
import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.admin.PoolHealth;
import dev.gatehouse.engine.telemetry.MetricsSnapshot;

import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * Polls the engine once a second off the FX thread and applies each result in one {@code fx}
 * task: the status bar's figures (QPS from the metrics' request count and time), and a notification for each endpoint ejected or restored, each
 * config version that starts running, and the engine becoming unreachable or reachable again.
 */
public final class EngineMonitor implements AutoCloseable {

    private final GatewayControl control;
    private final Executor fx;
    private final Clock clock;
    private final StatusBarViewModel status;
    private final NotificationsViewModel notifications;
    private volatile boolean closed;
    private ScheduledFuture<?> polling;

    // Touched only in fx tasks.
    private List<PoolHealth> lastHealth;
    private long lastVersion = -1;
    private boolean reachable = true;

    public EngineMonitor(GatewayControl control, Executor fx, Clock clock, StatusBarViewModel status,
                         NotificationsViewModel notifications) {
        this.control = requireNonNull(control, "control");
        this.fx = requireNonNull(fx, "fx");
        this.clock = requireNonNull(clock, "clock");
        this.status = requireNonNull(status, "status");
        this.notifications = requireNonNull(notifications, "notifications");
    }

    /** Polls now and then every second on {@code ticker} until {@link #close}. */
    public synchronized void start(ScheduledExecutorService ticker) {
        if (polling == null && !closed) {
            polling = ticker.scheduleWithFixedDelay(this::pollSafely, 0, 1, TimeUnit.SECONDS);
        }
    }

    /** A scheduled task that throws is never run again: no failure may end the polling. */
    private void pollSafely() {
        try {
            pollOnce();
        } catch (RuntimeException e) {
            System.getLogger(EngineMonitor.class.getName()).log(System.Logger.Level.WARNING, "engine poll failed", e);
        }
    }

    /** One poll on the calling thread (which may block on the engine), its result applied on {@code fx}. */
    public void pollOnce() {
        EngineSample sample;
        try {
            EngineStatus engine = control.status();
            List<PoolHealth> health = control.endpointHealth();
            MetricsSnapshot metrics = metrics();
            sample = metrics == null ? new EngineSample(engine, health, OptionalLong.empty(), clock.instant())
                    : new EngineSample(engine, health, OptionalLong.of(metrics.total().requests()), metrics.takenAt());
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            fx.execute(() -> unreachable(reason));
            return;
        }
        fx.execute(() -> show(sample));
    }

    /** The engine's figures, or null from an engine that does not report them (the status bar shows no QPS then). */
    private MetricsSnapshot metrics() {
        try {
            return control.metrics();
        } catch (ControlException e) {
            if (e.kind() == ControlException.Kind.NOT_FOUND || e.kind() == ControlException.Kind.METHOD_NOT_ALLOWED) {
                return null;
            }
            throw e;
        }
    }

    private void show(EngineSample sample) {
        if (closed) {
            return;
        }
        if (!reachable) {
            reachable = true;
            notifications.post(Notice.Severity.SUCCESS, "Engine reachable", "The engine answers again.");
        }
        status.show(sample);
        long version = sample.status().configVersion();
        if (lastVersion >= 0 && version != lastVersion) {
            notifications.post(Notice.Severity.SUCCESS, "Config applied", "Version " + version + " is running.");
        }
        lastVersion = version;
        if (lastHealth != null) {
            for (HealthChanges.Change change : HealthChanges.between(lastHealth, sample.health())) {
                notifications.post(change.restored() ? Notice.Severity.SUCCESS : Notice.Severity.WARNING,
                        change.restored() ? "Endpoint restored" : "Endpoint out", change.describe());
            }
        }
        lastHealth = sample.health();
    }

    private void unreachable(String reason) {
        if (closed) {
            return;
        }
        status.showUnreachable();
        if (reachable) {
            reachable = false;
            notifications.post(Notice.Severity.DANGER, "Engine unreachable", reason);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (polling != null) {
            polling.cancel(false);
        }
    }
}
