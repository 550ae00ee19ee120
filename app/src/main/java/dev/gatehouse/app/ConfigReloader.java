package dev.gatehouse.app;

import dev.gatehouse.engine.admin.ServedConfig;
import dev.gatehouse.engine.config.ConfigError;
import dev.gatehouse.engine.config.ConfigException;

import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Applies edits of a served config file live. Polls the file's modification time and size once
 * a second (editors save by rename, which file-watch APIs report unreliably); a valid new version
 * is applied and recorded in the config history through {@link ServedConfig}, which the admin API
 * uses too, so an admin apply that rewrote the file is not applied a second time; an invalid one
 * is refused with every error listed while the running config keeps serving.
 */
final class ConfigReloader implements AutoCloseable {

    private final Path file;
    private final ServedConfig served;
    private final PrintStream out;
    private final PrintStream err;
    private final ScheduledExecutorService poller;
    private Object lastSeen;

    private ConfigReloader(Path file, ServedConfig served, PrintStream out, PrintStream err) {
        this.file = file;
        this.served = served;
        this.out = out;
        this.err = err;
        this.poller = Executors.newSingleThreadScheduledExecutor(
                new DefaultThreadFactory("gatehouse-config-reloader", true));
    }

    /** Starts watching {@code file}, which {@code served} serves, and records the running config. */
    static ConfigReloader watch(Path file, ServedConfig served, PrintStream out, PrintStream err) {
        ConfigReloader reloader = new ConfigReloader(file, served, out, err);
        reloader.lastSeen = reloader.fingerprint();
        try {
            served.recordRunning();
        } catch (ConfigException | IOException e) {
            err.println("Gatehouse: could not record config history in " + served.store() + ": " + e.getMessage());
        }
        reloader.poller.scheduleWithFixedDelay(reloader::check, 1, 1, TimeUnit.SECONDS);
        return reloader;
    }

    private void check() {
        Object now = fingerprint();
        if (Objects.equals(now, lastSeen)) {
            return;
        }
        lastSeen = now;
        try {
            OptionalLong version = served.reloadFile();
            if (version.isPresent()) {
                out.println("Gatehouse: applied " + file + " (config version " + version.getAsLong() + ")");
            }
        } catch (ConfigException e) {
            err.println("Gatehouse: refused " + file + ", still serving the previous config:");
            for (ConfigError error : e.errors()) {
                err.println("  " + error);
            }
        } catch (IOException | RuntimeException e) {
            err.println("Gatehouse: could not apply " + file + ", still serving the previous config: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Object fingerprint() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            return modified.toMillis() + ":" + Files.size(file);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
