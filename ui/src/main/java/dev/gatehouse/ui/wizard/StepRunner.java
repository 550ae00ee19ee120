package dev.gatehouse.ui.wizard;

import dev.gatehouse.engine.cloud.Cancellation;
import dev.gatehouse.engine.cloud.CloudException;
import dev.gatehouse.engine.cloud.Progress;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Runs the wizard's blocking cloud calls one at a time on the background executor, with a progress
 * fraction and status line, a Cancel that ends the wait at once, and on failure the cloud's own
 * message (with its request id) and a Retry that runs the same step again and nothing before it.
 */
public final class StepRunner {

    /** One step's blocking work; it polls {@code cancellation} and tells {@code progress} how it goes. */
    @FunctionalInterface
    public interface Job<T> {
        T run(Cancellation cancellation, Progress progress);
    }

    private final Executor background;
    private final Executor fx;
    // Read on the background thread to drop what a cancelled or superseded job reports late.
    private final AtomicLong generation = new AtomicLong();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty failure = new SimpleStringProperty("");
    private final BooleanProperty retryable = new SimpleBooleanProperty();
    private Cancellation running;
    private Runnable again;

    public StepRunner(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
    }

    /** Starts {@code job} (call on the FX thread); {@code done} gets its result on the FX thread. Retry runs it again. */
    public <T> void run(String doing, Job<T> job, Consumer<T> done) {
        run(doing, job, done, null);
    }

    /**
     * As {@link #run(String, Job, Consumer)}, but Retry calls {@code retry} instead: a command that
     * reads the page's fields afresh (the user may have changed a flavor after a quota failure).
     */
    public <T> void run(String doing, Job<T> job, Consumer<T> done, Runnable retry) {
        Cancellation cancellation = new Cancellation();
        long mine = generation.incrementAndGet();
        running = cancellation;
        again = retry != null ? retry : () -> run(doing, job, done);
        busy.set(true);
        retryable.set(false);
        failure.set("");
        status.set(doing + "…");
        progress.set(-1);
        Progress report = (fraction, text) -> fx.execute(() -> {
            if (generation.get() == mine) {
                progress.set(fraction);
                status.set(text);
            }
        });
        background.execute(() -> {
            try {
                T result = job.run(cancellation, report);
                fx.execute(() -> finish(mine, () -> {
                    status.set("");
                    progress.set(0);
                    again = null;
                    done.accept(result);
                }));
            } catch (RuntimeException e) {
                fx.execute(() -> finish(mine, () -> {
                    failure.set(describe(e));
                    retryable.set(true);
                }));
            }
        });
    }

    private void finish(long mine, Runnable then) {
        if (generation.get() != mine) {
            return;
        }
        busy.set(false);
        running = null;
        then.run();
    }

    /** Stops the running step: its wait ends now and whatever it reports later is dropped. */
    public void cancel() {
        if (!busy.get()) {
            return;
        }
        generation.incrementAndGet();
        running.cancel();
        running = null;
        busy.set(false);
        progress.set(0);
        status.set("Cancelled. Retry runs this step again; the steps before it stay done.");
        retryable.set(again != null);
    }

    /** Runs the step that failed or was cancelled again; the earlier steps are not repeated. */
    public void retry() {
        if (again != null && !busy.get()) {
            again.run();
        }
    }

    /** Forgets a failure or cancellation (the user went to another page). */
    public void clear() {
        if (!busy.get()) {
            failure.set("");
            status.set("");
            retryable.set(false);
            again = null;
        }
    }

    /** What went wrong, for people: the cloud's message and, if it is not in it already, the request id. */
    static String describe(Throwable error) {
        if (error instanceof CloudException cloud) {
            String id = cloud.requestId();
            return id == null || cloud.getMessage().contains(id) ? cloud.getMessage()
                    : cloud.getMessage() + " (request id " + id + ")";
        }
        return error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Between 0 and 1, or -1 while the end cannot be told. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** Why the last step failed, or "". */
    public ReadOnlyStringProperty failureProperty() {
        return failure;
    }

    public ReadOnlyBooleanProperty retryableProperty() {
        return retryable;
    }
}
