package dev.gatehouse.ui.shell;

import dev.gatehouse.engine.admin.EngineStatus;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The figures along the bottom of the window: engine state, listen address, QPS now, running
 * config version, and whether a page holds unsaved changes (set by that page). Call on the FX thread.
 */
public final class StatusBarViewModel {

    static final String NONE = "—";

    private final ReadOnlyStringWrapper engineState = new ReadOnlyStringWrapper(this, "engineState", "Connecting…");
    private final ReadOnlyBooleanWrapper engineUp = new ReadOnlyBooleanWrapper(this, "engineUp");
    private final ReadOnlyStringWrapper listenAddress = new ReadOnlyStringWrapper(this, "listenAddress", NONE);
    private final ReadOnlyStringWrapper qps = new ReadOnlyStringWrapper(this, "qps", NONE);
    private final ReadOnlyStringWrapper configVersion = new ReadOnlyStringWrapper(this, "configVersion", NONE);
    private final BooleanProperty unsavedChanges = new SimpleBooleanProperty(this, "unsavedChanges");
    private final QpsMeter meter = new QpsMeter();

    /** Shows a fresh poll. */
    public void show(EngineSample sample) {
        EngineStatus status = sample.status();
        engineState.set(status.running() ? "Running" : "Stopped");
        engineUp.set(status.running());
        listenAddress.set(status.listenAddresses().isEmpty() ? NONE : String.join(", ", status.listenAddresses()));
        configVersion.set("config v" + status.configVersion());
        OptionalDouble rate = sample.requestsCompleted().isPresent()
                ? meter.next(sample.requestsCompleted().getAsLong(), sample.at()) : OptionalDouble.empty();
        if (rate.isPresent()) {
            qps.set(formatQps(rate.getAsDouble()));
        } else if (sample.requestsCompleted().isEmpty()) {
            qps.set(NONE);
        }
    }

    /** The engine did not answer the last poll. */
    public void showUnreachable() {
        engineState.set("Unreachable");
        engineUp.set(false);
        qps.set(NONE);
        meter.forget();
    }

    static String formatQps(double perSecond) {
        return String.format(Locale.ROOT, perSecond < 10 ? "%.1f req/s" : "%.0f req/s", perSecond);
    }

    public ReadOnlyStringProperty engineStateProperty() {
        return engineState.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty engineUpProperty() {
        return engineUp.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty listenAddressProperty() {
        return listenAddress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty qpsProperty() {
        return qps.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty configVersionProperty() {
        return configVersion.getReadOnlyProperty();
    }

    /** Set by the page that holds a draft (the routes editor); shown as "Unsaved changes". */
    public BooleanProperty unsavedChangesProperty() {
        return unsavedChanges;
    }
}
