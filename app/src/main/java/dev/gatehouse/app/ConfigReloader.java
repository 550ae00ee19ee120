package dev.gatehouse.app;

import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.config.ConfigError;
import dev.gatehouse.engine.config.ConfigException;
import dev.gatehouse.engine.config.ConfigLoader;
import dev.gatehouse.engine.config.ConfigStore;
import dev.gatehouse.engine.config.GatewayConfig;

import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Applies edits of a served config file live. Polls the file's modification time and size once
 * a second (editors save by rename, which file-watch APIs report unreliably); a valid new version
 * is applied and recorded in the config history; an invalid one is refused with every error
 * listed while the running config keeps serving.
 */
final class ConfigReloader implements AutoCloseable {

    private final Path file;
    private final GatewayEngine engine;
    private final UnaryOperator<GatewayConfig> adjust;
    private final ConfigStore history;
    private final PrintStream out;
    private final PrintStream err;
    private final ScheduledExecutorService poller;
    private Object lastSeen;

    private ConfigReloader(Path file, GatewayEngine engine, UnaryOperator<GatewayConfig> adjust,
                           ConfigStore history, PrintStream out, PrintStream err) {
        this.file = file;
        this.engine = engine;
        this.adjust = adjust;
        this.history = history;
        this.out = out;
        this.err = err;
        this.poller = Executors.newSingleThreadScheduledExecutor(
                new DefaultThreadFactory("gatehouse-config-reloader", true));
    }

    static ConfigReloader watch(Path file, GatewayEngine engine, UnaryOperator<GatewayConfig> adjust,
                                GatehouseHome home, PrintStream out, PrintStream err) {
        ConfigReloader reloader = new ConfigReloader(file, engine, adjust, new ConfigStore(home.config()), out, err);
        reloader.lastSeen = reloader.fingerprint();
        reloader.record(engine.config());
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
            GatewayConfig config = adjust.apply(ConfigLoader.load(file));
            if (config.equals(engine.config())) {
                return;
            }
            long version = engine.apply(config).version();
            record(config);
            out.println("Gatehouse: applied " + file + " (config version " + version + ")");
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

    private void record(GatewayConfig config) {
        try {
            history.save(config);
        } catch (ConfigException | IOException e) {
            err.println("Gatehouse: could not record config history in " + history + ": " + e.getMessage());
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
