package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.telemetry.Dimension;
import dev.gatehouse.engine.telemetry.MetricsSnapshot;
import dev.gatehouse.ui.shell.Notice;
import dev.gatehouse.ui.shell.NotificationsViewModel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import static java.util.Objects.requireNonNull;

/**
 * The live dashboard without nodes: {@link #poll()} reads metrics, the selected range's points,
 * the breakdown's points, backend GPU figures and endpoint health on {@code background}, and
 * applies them all in one {@code fx} task, so the screen changes once per poll. Polls are skipped
 * while paused (the page is hidden). Threshold crossings are posted to the notifications once
 * each. Clicking a figure opens the log explorer on its records ({@code openLogs}). Every method
 * but {@link #poll()} is to be called on the FX thread.
 */
public final class DashboardViewModel {

    /** At most this many sparkline points: a day of minutes is averaged down to what the tile can show. */
    public static final int SPARKLINE_POINTS = 300;
    /** Rows per leader board. */
    public static final int LEADERS = 5;

    private final DashboardReader reader;
    private final Executor background;
    private final Executor fx;
    private final NotificationsViewModel notifications;
    private final Consumer<LogQuery> openLogs;
    private final AlertLevels alerts = new AlertLevels();
    private final AtomicBoolean paused = new AtomicBoolean(true);
    private final AtomicBoolean inFlight = new AtomicBoolean();

    private final ObjectProperty<DashboardSelection> selection =
            new SimpleObjectProperty<>(this, "selection", DashboardSelection.DEFAULT);
    private final ReadOnlyObjectWrapper<HeadlineFigures> headline =
            new ReadOnlyObjectWrapper<>(this, "headline", HeadlineFigures.NONE);
    private final ReadOnlyObjectWrapper<List<Double>> qpsSparkline =
            new ReadOnlyObjectWrapper<>(this, "qpsSparkline", List.of());
    private final ReadOnlyObjectWrapper<Breakdown> breakdown =
            new ReadOnlyObjectWrapper<>(this, "breakdown", Breakdown.NONE);
    private final ReadOnlyObjectWrapper<List<GpuGauge>> gpus = new ReadOnlyObjectWrapper<>(this, "gpus", List.of());
    private final ReadOnlyObjectWrapper<List<LeaderEntry>> topModels =
            new ReadOnlyObjectWrapper<>(this, "topModels", List.of());
    private final ReadOnlyObjectWrapper<List<LeaderEntry>> topConsumers =
            new ReadOnlyObjectWrapper<>(this, "topConsumers", List.of());
    private final ReadOnlyObjectWrapper<List<LeaderEntry>> topRoutes =
            new ReadOnlyObjectWrapper<>(this, "topRoutes", List.of());
    private final ReadOnlyObjectWrapper<List<PoolHealthCount>> poolHealth =
            new ReadOnlyObjectWrapper<>(this, "poolHealth", List.of());
    private final ReadOnlyObjectWrapper<Map<Dimension, List<String>>> keys =
            new ReadOnlyObjectWrapper<>(this, "keys", Map.of());
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    // Touched only in fx tasks: the snapshot the headline's rates are taken against, and the last
    // minute's totals of what is shown and of all traffic (for the alerts).
    private MetricsSnapshot previous;
    private final ErrorWindow shownErrors = new ErrorWindow();
    private final ErrorWindow allErrors = new ErrorWindow();
    private volatile DashboardSelection polling = DashboardSelection.DEFAULT;

    public DashboardViewModel(GatewayControl control, Executor background, Executor fx,
                              NotificationsViewModel notifications, Consumer<LogQuery> openLogs) {
        this.reader = new DashboardReader(control);
        this.background = requireNonNull(background, "background");
        this.fx = requireNonNull(fx, "fx");
        this.notifications = requireNonNull(notifications, "notifications");
        this.openLogs = requireNonNull(openLogs, "openLogs");
        selection.addListener((o, before, now) -> {
            requireNonNull(now, "selection");
            polling = now;
            previous = null; // a new filter's rate is not taken against the old one's counters
            shownErrors.clear();
            poll();
        });
    }

    /** Starts answering {@link #poll()}: the page is on screen. */
    public void resume() {
        paused.set(false);
    }

    /** Stops polling (the page is hidden); the next rate is taken over the whole pause, not shown as a spike. */
    public void pause() {
        paused.set(true);
        fx.execute(() -> {
            previous = null;
            shownErrors.clear();
            allErrors.clear();
        });
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
        DashboardSelection chosen = polling;
        background.execute(() -> {
            DashboardFrame frame;
            try {
                frame = DashboardFrame.of(reader.read(chosen));
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
                // A sample of a selection the user has already left would flash the old view: read again.
                if (!frame.sample().selection().equals(selection.get())) {
                    poll();
                } else if (!paused.get()) {
                    DashboardUpdateEvent timing = new DashboardUpdateEvent(DashboardUpdateEvent.APPLY);
                    boolean timed = timing.start();
                    apply(frame);
                    if (timed) {
                        timing.finish();
                    }
                }
            });
        });
    }

    private void apply(DashboardFrame frame) {
        DashboardSample sample = frame.sample();
        MetricsSnapshot metrics = sample.metrics();
        DashboardSelection chosen = sample.selection();
        HeadlineFigures figures;
        if (chosen.range().live()) {
            shownErrors.add(metrics.takenAt(), HeadlineFigures.of(metrics, chosen.filter()));
            figures = HeadlineFigures.between(previous, metrics, chosen.filter())
                    .withRates(shownErrors.errorRate(), shownErrors.successRate());
        } else {
            figures = HeadlineFigures.over(sample.points(), metrics);
        }
        previous = metrics;
        headline.set(figures);
        qpsSparkline.set(frame.sparkline());
        breakdown.set(frame.breakdown());
        gpus.set(frame.gauges());
        topModels.set(frame.topModels());
        topConsumers.set(frame.topConsumers());
        topRoutes.set(frame.topRoutes());
        poolHealth.set(frame.poolHealth());
        keys.set(frame.keys()); // equal keys fire no change
        problem.set("");
        // Alerts watch all traffic over the last minute, whatever range and filter the screen shows.
        allErrors.add(metrics.takenAt(), metrics.total());
        HeadlineFigures now = HeadlineFigures.NONE.withRates(allErrors.errorRate(), allErrors.successRate());
        notify(alerts.update(now, frame.gauges(), metrics.takenAt()));
    }

    /** One notification per alert; failing requests cross both request alerts at once: one notification says so. */
    private void notify(List<AlertLevels.Alert> started) {
        List<AlertLevels.Alert> rest = new ArrayList<>(started);
        AlertLevels.Alert errors = find(rest, AlertLevels.ERROR_RATE);
        AlertLevels.Alert successes = find(rest, AlertLevels.SUCCESS_RATE);
        if (errors != null && successes != null) {
            rest.remove(errors);
            rest.remove(successes);
            notifications.post(Notice.Severity.WARNING, errors.title(), errors.detail() + " " + successes.detail());
        }
        rest.forEach(alert -> notifications.post(Notice.Severity.WARNING, alert.title(), alert.detail()));
    }

    private static AlertLevels.Alert find(List<AlertLevels.Alert> alerts, String key) {
        return alerts.stream().filter(a -> a.key().equals(key)).findFirst().orElse(null);
    }

    /** Opens the log explorer on the records behind a headline figure, in the range and filter shown. */
    public void openLogs(LogSlice slice) {
        openLogs.accept(slice.narrow(selection.get().logQuery(now()), headline.get().latencyP99Millis()).build());
    }

    /** Opens the log explorer on one model, consumer or route (a leader board row, a chart's band). */
    public void openLogs(Dimension dimension, String key) {
        openLogs.accept(DashboardSelection.narrowed(selection.get().logQuery(now()), dimension, key).build());
    }

    /** Opens the log explorer on the requests one backend endpoint ({@code host:port}) served. */
    public void openLogsOfEndpoint(String hostPort) {
        openLogs.accept(selection.get().logQuery(now()).upstreamHost(hostPort).build());
    }

    /** The engine's time of the last poll (its clock, not this machine's, for a remote engine). */
    private Instant now() {
        return previous != null ? previous.takenAt() : Instant.now();
    }

    /** The range, filter and breakdown shown; setting it polls at once. */
    public ObjectProperty<DashboardSelection> selectionProperty() {
        return selection;
    }

    /** True while the alert {@code key} is crossed: "error-rate", "success-rate" or "gpu:pool/endpoint". */
    public boolean alerting(String key) {
        return alerts.isActive(key);
    }

    public ReadOnlyObjectProperty<HeadlineFigures> headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** Requests per second over the selected range and filter, oldest first, at most {@link #SPARKLINE_POINTS}. */
    public ReadOnlyObjectProperty<List<Double>> qpsSparklineProperty() {
        return qpsSparkline.getReadOnlyProperty();
    }

    /** Requests and tokens per second over the range by the selected breakdown's busiest keys. */
    public ReadOnlyObjectProperty<Breakdown> breakdownProperty() {
        return breakdown.getReadOnlyProperty();
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

    /** The models, consumers and routes the engine has seen, by name: what the filter offers. */
    public ReadOnlyObjectProperty<Map<Dimension, List<String>>> keysProperty() {
        return keys.getReadOnlyProperty();
    }

    /** Why the figures are not current (the engine did not answer), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
