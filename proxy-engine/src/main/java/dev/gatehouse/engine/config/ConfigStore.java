package dev.gatehouse.engine.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration on disk, in one directory: the current one in {@code gateway.json}, the ones
 * it replaced under {@code history/} for undo and rollback. Saving validates first and replaces
 * the file atomically, so a crash or an invalid config never leaves a broken {@code gateway.json}.
 *
 * <p>One store per directory: saves through one instance are serialised, but two processes
 * saving into the same directory at once are not coordinated.
 */
public final class ConfigStore {

    public static final String CURRENT_FILE = "gateway.json";
    public static final String HISTORY_DIR = "history";
    public static final int DEFAULT_KEEP = 20;

    private static final Pattern VERSION_FILE = Pattern.compile("gateway-(\\d+)-(\\d{8}T\\d{6}\\.\\d{3}Z)\\.json");
    // Basic ISO format: sorts as text and has no ':' so it is a valid file name on Windows too.
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Path current;
    private final Path history;
    private final Clock clock;
    private final int keep;
    private final ConfigCodec codec = new ConfigCodec();

    public ConfigStore(Path dir) {
        this(dir, Clock.systemUTC(), DEFAULT_KEEP);
    }

    /** {@code keep} is how many replaced versions to keep, at least 1. */
    public ConfigStore(Path dir, Clock clock, int keep) {
        this.dir = requireNonNull(dir, "dir");
        this.clock = requireNonNull(clock, "clock");
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, got " + keep);
        }
        this.keep = keep;
        this.current = dir.resolve(CURRENT_FILE);
        this.history = dir.resolve(HISTORY_DIR);
    }

    /**
     * The saved configuration, or empty if none was ever saved. A file that cannot be read or is
     * not valid is an error naming the file, never "empty": the caller decides what to run.
     */
    public synchronized Optional<GatewayConfig> current() throws ConfigException, IOException {
        if (!Files.exists(current)) {
            return Optional.empty();
        }
        return Optional.of(ConfigLoader.load(current));
    }

    /**
     * Makes {@code config} the current configuration, keeping the one it replaces as a version.
     * An invalid config is refused with all its errors and nothing on disk changes.
     */
    public synchronized void save(GatewayConfig config) throws ConfigException, IOException {
        ConfigValidator.requireValid(config);
        byte[] bytes = codec.write(config).getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(history);
        AtomicFiles.deleteLeftovers(dir);
        AtomicFiles.deleteLeftovers(history);
        if (Files.exists(current)) {
            String name = String.format(Locale.ROOT, "gateway-%06d-%s.json", nextSeq(), STAMP.format(clock.instant()));
            AtomicFiles.write(history.resolve(name), Files.readAllBytes(current));
        }
        AtomicFiles.write(current, bytes);
        prune();
    }

    /** The kept versions, newest first. */
    public synchronized List<ConfigVersion> versions() throws IOException {
        List<ConfigVersion> versions = new ArrayList<>();
        for (Path file : versionFiles()) {
            Matcher m = VERSION_FILE.matcher(file.getFileName().toString());
            if (m.matches()) {
                versions.add(new ConfigVersion(Long.parseLong(m.group(1)), STAMP.parse(m.group(2), Instant::from)));
            }
        }
        versions.sort(Comparator.comparingLong(ConfigVersion::seq).reversed());
        return versions;
    }

    /**
     * Reads one kept version back. It is parsed but not validated, so that a version saved under
     * older rules can still be looked at; {@link #rollback} validates.
     */
    public synchronized GatewayConfig load(ConfigVersion version) throws ConfigException, IOException {
        Path file = fileOf(version);
        try {
            return codec.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (ConfigException e) {
            throw e.withSource(file.toString());
        }
    }

    /** Makes a kept version current again; the configuration it replaces becomes a new version. */
    public synchronized void rollback(ConfigVersion version) throws ConfigException, IOException {
        save(load(version));
    }

    private Path fileOf(ConfigVersion version) throws IOException {
        for (Path file : versionFiles()) {
            Matcher m = VERSION_FILE.matcher(file.getFileName().toString());
            if (m.matches() && Long.parseLong(m.group(1)) == version.seq()) {
                return file;
            }
        }
        throw new NoSuchFileException(history.resolve(String.format(Locale.ROOT, "gateway-%06d-*.json", version.seq())).toString(),
                null, "no such version (kept: the last " + keep + ")");
    }

    private long nextSeq() throws IOException {
        List<ConfigVersion> versions = versions();
        return versions.isEmpty() ? 1 : versions.get(0).seq() + 1;
    }

    private void prune() throws IOException {
        List<ConfigVersion> versions = versions();
        for (ConfigVersion old : versions.subList(Math.min(keep, versions.size()), versions.size())) {
            Files.deleteIfExists(fileOf(old));
        }
    }

    private List<Path> versionFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(history)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(history, "gateway-*.json")) {
            stream.forEach(files::add);
        }
        return files;
    }
}
