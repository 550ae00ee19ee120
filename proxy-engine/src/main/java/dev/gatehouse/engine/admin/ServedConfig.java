package dev.gatehouse.engine.admin;

import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.config.ConfigCodec;
import dev.gatehouse.engine.config.ConfigException;
import dev.gatehouse.engine.config.ConfigLoader;
import dev.gatehouse.engine.config.ConfigStore;
import dev.gatehouse.engine.config.ConfigVersion;
import dev.gatehouse.engine.config.GatewayConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * The one place where a config becomes the running one, whoever asks: the admin API, an edit of
 * the served file, a rollback. Each change is applied to the engine, recorded in the
 * {@link ConfigStore} as a new version and, when the engine serves a file, written to that file,
 * all under one lock; so the file watcher that sees the admin's write finds the config already
 * running and does nothing, and a file edit cannot slip between an admin apply and its write.
 *
 * <p>Command-line overrides ({@code --listen}) are applied to every config, from either source,
 * so that neither undoes them; the file keeps what its author or the admin wrote.
 */
public final class ServedConfig {

    private final GatewayEngine engine;
    private final ConfigStore store;
    private final Path file;
    private final UnaryOperator<GatewayConfig> overrides;
    private final ConfigCodec codec = new ConfigCodec();

    private ServedConfig(GatewayEngine engine, ConfigStore store, Path file, UnaryOperator<GatewayConfig> overrides) {
        this.engine = requireNonNull(engine, "engine");
        this.store = requireNonNull(store, "store");
        this.file = file;
        this.overrides = requireNonNull(overrides, "overrides");
    }

    /** An engine whose config lives only in {@code store} (the demo, the console's embedded engine). */
    public static ServedConfig inStore(GatewayEngine engine, ConfigStore store) {
        return new ServedConfig(engine, store, null, UnaryOperator.identity());
    }

    /** An engine serving {@code file} with {@code overrides} from the command line applied on top. */
    public static ServedConfig fromFile(GatewayEngine engine, ConfigStore store, Path file,
                                        UnaryOperator<GatewayConfig> overrides) {
        return new ServedConfig(engine, store, requireNonNull(file, "file"), overrides);
    }

    public GatewayEngine engine() {
        return engine;
    }

    public ConfigStore store() {
        return store;
    }

    /** Records the running config in the store, as the start of its history. */
    public synchronized void recordRunning() throws ConfigException, IOException {
        store.save(engine.config());
    }

    /**
     * Applies {@code config} (overrides on top), saves it as a new version and writes the served
     * file. With {@code basedOnVersion}, refuses with {@code CONFLICT} unless that version runs.
     *
     * @return the version now running
     * @throws ConfigException with every error; nothing changed
     * @throws IOException     when the config runs but could not be saved
     */
    public synchronized long apply(GatewayConfig config, Long basedOnVersion)
            throws ConfigException, IOException, InterruptedException {
        long running = engine.snapshot().version();
        if (basedOnVersion != null && basedOnVersion != running) {
            throw new ControlException(ControlException.Kind.CONFLICT, "the config was changed since version "
                    + basedOnVersion + " (now running version " + running + "); reload it and apply again");
        }
        GatewayConfig served = overrides.apply(config);
        long version = engine.apply(served).version();
        try {
            store.save(served);
            if (file != null) {
                writeAtomically(file, codec.write(config));
            }
        } catch (IOException e) {
            throw new IOException("version " + version + " runs but could not be saved: " + e.getMessage(), e);
        }
        return version;
    }

    /** Applies the kept version {@code seq} again, like {@link #apply} without a base version. */
    public synchronized long rollback(long seq) throws ConfigException, IOException, InterruptedException {
        ConfigVersion version = store.versions().stream().filter(v -> v.seq() == seq).findFirst()
                .orElseThrow(() -> new ControlException(ControlException.Kind.NOT_FOUND,
                        "no kept config version " + seq));
        return apply(store.load(version), null);
    }

    /**
     * Applies the served file if it differs from the running config (it does not after an admin
     * apply wrote it).
     *
     * @return the version now running, or empty when the file held the running config already
     */
    public synchronized OptionalLong reloadFile() throws ConfigException, IOException, InterruptedException {
        if (file == null) {
            return OptionalLong.empty();
        }
        GatewayConfig config = overrides.apply(ConfigLoader.load(file));
        if (config.equals(engine.config())) {
            return OptionalLong.empty();
        }
        long version = engine.apply(config).version();
        try {
            store.save(config);
        } catch (IOException e) {
            throw new IOException("version " + version + " runs but could not be saved: " + e.getMessage(), e);
        }
        return OptionalLong.of(version);
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".admin.tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
