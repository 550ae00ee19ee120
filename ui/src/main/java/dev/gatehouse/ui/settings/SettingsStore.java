package dev.gatehouse.ui.settings;

import dev.gatehouse.ui.common.Theme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ConsoleSettings} in {@code console-settings.json} in the console's state directory.
 * Owner-only where the file system allows it, since remote profiles hold admin tokens. A missing
 * or unreadable file gives the defaults: settings never stop the console from opening.
 */
public final class SettingsStore {

    public static final String FILE = "console-settings.json";

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    public SettingsStore(Path stateDir) {
        this.file = stateDir.resolve(FILE);
    }

    /** The directory the settings live in; other console state (the log explorer's saved queries) goes beside them. */
    public Path directory() {
        return file.getParent();
    }

    public ConsoleSettings load() {
        if (!Files.isRegularFile(file)) {
            return ConsoleSettings.DEFAULTS;
        }
        try {
            JsonNode root = json.readTree(file.toFile());
            List<ConnectionProfile> remotes = new ArrayList<>();
            for (JsonNode profile : root.path("remotes")) {
                try {
                    remotes.add(ConnectionProfile.remote(profile.path("name").asText(), profile.path("adminUrl").asText(),
                            profile.path("token").asText()));
                } catch (IllegalArgumentException e) {
                    // A profile edited by hand into nonsense is dropped; the others still load.
                }
            }
            return new ConsoleSettings(Theme.parse(root.path("theme").asText()), remotes,
                    root.path("activeProfile").asText(ConnectionProfile.EMBEDDED_NAME));
        } catch (IOException | RuntimeException e) {
            return ConsoleSettings.DEFAULTS;
        }
    }

    public void save(ConsoleSettings settings) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("theme", settings.theme().name());
        root.put("activeProfile", settings.activeProfile());
        ArrayNode remotes = root.putArray("remotes");
        for (ConnectionProfile profile : settings.remotes()) {
            remotes.addObject().put("name", profile.name()).put("adminUrl", profile.adminUrl().toString())
                    .put("token", profile.token());
        }
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(FILE + ".tmp");
        Files.writeString(temp, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        ownerOnly(temp);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void ownerOnly(Path path) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
