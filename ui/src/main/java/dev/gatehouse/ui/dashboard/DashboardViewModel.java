package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.admin.ControlException;
import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.admin.SeriesRequest;
import dev.gatehouse.engine.telemetry.MetricsSnapshot;
import dev.gatehouse.engine.telemetry.Resolution;
import dev.gatehouse.engine.telemetry.SeriesFilter;
import dev.gatehouse.engine.telemetry.SeriesPoint;
import dev.gatehouse.engine.telemetry.backend.BackendSample;
import dev.gatehouse.engine.telemetry.backend.PoolBackends;
import dev.gatehouse.ui.shell.Notice;
import dev.gatehouse.ui.shell.NotificationsViewModel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import static java.util.Objects.requireNonNull;

/**
 * The live dashboard without nodes: {@link #poll()} reads metrics, the last five minutes of
 * per-second points, backend GPU figures and endpoint health on {@code background}, and applies
 * them all in one {@code fx} task, so the screen changes once per poll. Polls are skipped while
 * paused (the page is hidden). Threshold crossings are posted to the notifications once each.
 * Every method but {@link #poll()} is to be called on the FX thread.
 */
public final class DashboardViewModel {

    /** How far back the QPS sparkline reaches. */
    public static final Duration SPARKLINE = Duration.ofMinutes(5);
    /** Rows per leader board. */
    public static final int LEADERS = 5;

    private final GatewayControl control;
    private final Executor background;
    private final Executor fx;
    private final NotificationsViewModel notifications;
    private final AlertLevels alerts = new AlertLevels();
    private final AtomicBoolean paused = new AtomicBoolean(true);
    private final AtomicBoolean inFlight = new AtomicBoolean();

    private final ReadOnlyObjectWrapper<HeadlineFigures> headline =
            new ReadOnlyObjectWrapper<>(this, "headline", HeadlineFigures.NONE);
    private final ReadOnlyObjectWrapper<List<Double>> qpsSparkline =
            new ReadOnlyObjectWrapper<>(this, "qpsSparkline", List.of());
    private final ReadOnlyObjectWrapper<List<GpuGauge>> gpus = new ReadOnlyObjectWrapper<>(this, "gpus", List.of());
    private final ReadOnlyObjectWrapper<List<LeaderEntry>> topModels =
            new ReadOnlyObjectWrapper<>(this, "topModels", List.of());
    private final ReadOnlyObjectWrapper<List<LeaderEntry>> topConsumers =
            new ReadOnlyObjectWrapper<>(this, "topConsumers", List.of());
    private final ReadOnlyObjectWrapper<List<LeaderEntry>> topRoutes =
            new ReadOnlyObjectWrapper<>(this, "topRoutes", List.of());
    private final ReadOnlyObjectWrapper<List<PoolHealthCount>> poolHealth =
            new ReadOnlyObjectWrapper<>(this, "poolHealth", List.of());
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    // Touched only in fx tasks.
    private MetricsSnapshot previous;

    public DashboardViewModel(GatewayControl control, Executor background, Executor fx,
                              NotificationsViewModel notifications) {
        this.control = requireNonNull(control, "control");
        this.background = requireNonNull(background, "background");
        this.fx = requireNonNull(fx, "fx");
        this.notifications = requireNonNull(notifications, "notifications");
    }

    /** Starts answering {@link #poll()}: the page is on screen. */
    public void resume() {
        paused.set(false);
    }

    /** Stops polling (the page is hidden); the next rate is taken over the whole pause, not shown as a spike. */
    public void pause() {
        paused.set(true);
        fx.execute(() -> previous = null);
    }

    public boolean isPaused() {
        return paused.get();
    }

    /**
     * One poll (call it once a second from any thread): the engine is read on {@code background}
     * and the result applied in one {@code fx} task. Does nothing while paused or while the
     * previous poll is still running (a slow engine does not pile up polls).
     */
    public void poll() {
        if (paused.get() || !inFlight.compareAndSet(false, true)) {
            return;
        }
        background.execute(() -> {
            DashboardSample sample;
            try {
                sample = read();
            } catch (RuntimeException e) {
                String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                fx.execute(() -> {
                    inFlight.set(false);
                    problem.set("Engine not answering: " + reason);
                });
                return;
            }
            fx.execute(() -> {
                inFlight.set(false);
                if (!paused.get()) {
                    apply(sample);
                }
            });
        });
    }

    private DashboardSample read() {
        MetricsSnapshot metrics = control.metrics();
        List<SeriesPoint> points = control.series(new SeriesRequest(Resolution.SECOND,
                metrics.takenAt().minus(SPARKLINE), metrics.takenAt(), SeriesFilter.all()));
        return new DashboardSample(metrics, points, backendsOrNull(), control.endpointHealth());
    }

    /** An engine without backend scraping (an older remote one) leaves the gauges at "no metrics". */
    private dev.gatehouse.engine.telemetry.backend.BackendMetricsSnapshot backendsOrNull() {
        try {
            return control.backends();
        } catch (ControlException e) {
            if (e.kind() == ControlException.Kind.NOT_FOUND || e.kind() == ControlException.Kind.METHOD_NOT_ALLOWED) {
                return null;
            }
            throw e;
        }
    }

    private void apply(DashboardSample sample) {
        MetricsSnapshot metrics = sample.metrics();
        HeadlineFigures figures = HeadlineFigures.between(previous, metrics);
        previous = metrics;
        List<GpuGauge> gauges = gauges(sample);
        headline.set(figures);
        qpsSparkline.set(sample.lastMinutes().stream().map(SeriesPoint::requestsPerSecond).toList());
        gpus.set(gauges);
        topModels.set(LeaderEntry.top(metrics.models(), LEADERS));
        topConsumers.set(LeaderEntry.top(metrics.consumers(), LEADERS));
        topRoutes.set(LeaderEntry.top(metrics.routes(), LEADERS));
        poolHealth.set(PoolHealthCount.of(sample.health()));
        problem.set("");
        for (AlertLevels.Alert alert : alerts.update(figures, gauges, metrics.takenAt())) {
            notifications.post(Notice.Severity.WARNING, alert.title(), alert.detail());
        }
    }

    private static List<GpuGauge> gauges(DashboardSample sample) {
        List<GpuGauge> gauges = new ArrayList<>();
        if (sample.backends() == null) {
            sample.health().forEach(pool -> pool.endpoints().forEach(
                    e -> gauges.add(GpuGauge.of(BackendSample.noMetrics(pool.pool(), e.address())))));
            return List.copyOf(gauges);
        }
        for (PoolBackends pool : sample.backends().pools()) {
            pool.endpoints().forEach(e -> gauges.add(GpuGauge.of(e)));
        }
        return List.copyOf(gauges);
    }

    /** True while the alert {@code key} is crossed: "error-rate", "success-rate" or "gpu:pool/endpoint". */
    public boolean alerting(String key) {
        return alerts.isActive(key);
    }

    public ReadOnlyObjectProperty<HeadlineFigures> headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** Requests per second of each of the last five minutes' seconds, oldest first. */
    public ReadOnlyObjectProperty<List<Double>> qpsSparklineProperty() {
        return qpsSparkline.getReadOnlyProperty();
    }

    /** One gauge per backend endpoint, in config order. */
    public ReadOnlyObjectProperty<List<GpuGauge>> gpusProperty() {
        return gpus.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<LeaderEntry>> topModelsProperty() {
        return topModels.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<LeaderEntry>> topConsumersProperty() {
        return topConsumers.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<LeaderEntry>> topRoutesProperty() {
        return topRoutes.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<PoolHealthCount>> poolHealthProperty() {
        return poolHealth.getReadOnlyProperty();
    }

    /** Why the figures are not current (the engine did not answer), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
