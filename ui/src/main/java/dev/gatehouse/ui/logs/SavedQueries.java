package dev.gatehouse.ui.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The explorer's saved queries in {@code log-queries.json}, next to the console settings. Written
 * whole to a temporary file and renamed, so a crash leaves the old list or the new one. A missing
 * file is no queries; an entry edited by hand into nonsense is skipped, the others still load.
 * Blocking: call off the FX thread.
 */
public final class SavedQueries {

    public static final String FILE = "log-queries.json";

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    public SavedQueries(Path stateDir) {
        this.file = stateDir.resolve(FILE);
    }

    public List<SavedQuery> load() throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        JsonNode root = json.readTree(file.toFile());
        List<SavedQuery> queries = new ArrayList<>();
        for (JsonNode entry : root.path("queries")) {
            try {
                queries.add(new SavedQuery(entry.path("name").asText(), entry.path("filter").asText()));
            } catch (IllegalArgumentException e) {
                // Skipped, not fatal: one bad entry must not hide the others.
            }
        }
        return List.copyOf(queries);
    }

    public void save(List<SavedQuery> queries) throws IOException {
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("queries");
        queries.forEach(q -> list.addObject().put("name", q.name()).put("filter", q.filter()));
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(FILE + ".tmp");
        Files.writeString(temp, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
