package dev.gatehouse.ui.logs;

import dev.gatehouse.engine.accesslog.query.ExportFormat;
import dev.gatehouse.engine.accesslog.query.ExportProgress;
import dev.gatehouse.engine.accesslog.query.ExportResult;
import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.engine.admin.ExportRequest;
import dev.gatehouse.engine.admin.GatewayControl;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Exports the current filter's records (up to the moment it starts) to a CSV or JSON Lines file,
 * with progress and cancel. The records go to {@code name.part} first and are renamed when
 * complete, so a cancelled or failed export leaves no half file where the user asked for one.
 */
public final class ExportModel {

    private final GatewayControl control;
    private final EngineCalls calls;
    private final LogsViewModel explorer;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final AtomicLong written = new AtomicLong();
    private final AtomicBoolean updateQueued = new AtomicBoolean();
    private volatile boolean cancelled;
    private long expected;

    ExportModel(GatewayControl control, EngineCalls calls, LogsViewModel explorer) {
        this.control = control;
        this.calls = calls;
        this.explorer = explorer;
    }

    /** Starts writing the records that match now to {@code file}; ignored while an export runs. */
    public void start(Path file, ExportFormat format) {
        if (running.get()) {
            return;
        }
        LogQuery query = explorer.queryUpToNow();
        expected = explorer.histogramTotal();
        cancelled = false;
        written.set(0);
        running.set(true);
        progress.set(expected > 0 ? 0 : -1);
        status.set("Exporting…");
        calls.call(() -> write(query, format, file), result -> {
            running.set(false);
            progress.set(result.cancelled() ? 0 : 1);
            status.set(result.cancelled() ? "Export cancelled; nothing was written to " + file.getFileName()
                    : String.format(Locale.ROOT, "Exported %,d records to %s", result.records(), file));
        }, reason -> {
            running.set(false);
            progress.set(0);
            status.set("Export failed: " + reason);
        });
    }

    /** Stops the running export before its next record. */
    public void cancel() {
        cancelled = true;
    }

    private ExportResult write(LogQuery query, ExportFormat format, Path file) {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try {
            ExportResult result;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
                result = control.exportLogs(new ExportRequest(query, format), out, new ExportProgress() {
                    @Override
                    public void written(long records) {
                        written.set(records);
                        showProgress();
                    }

                    @Override
                    public boolean cancelled() {
                        return cancelled;
                    }
                });
            }
            if (result.cancelled()) {
                Files.deleteIfExists(part);
            } else {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return result;
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the failure below is what the user needs to know
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** One FX update at a time however often the exporter reports: the latest count wins. */
    private void showProgress() {
        if (updateQueued.compareAndSet(false, true)) {
            calls.onFx(() -> {
                updateQueued.set(false);
                long n = written.get();
                if (running.get()) {
                    progress.set(expected > 0 ? Math.min(0.99, (double) n / expected) : -1);
                    status.set(String.format(Locale.ROOT, "Exporting… %,d records", n));
                }
            });
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0 to 1, or -1 while the total is unknown (an indeterminate bar). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
