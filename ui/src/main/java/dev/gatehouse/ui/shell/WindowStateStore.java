package dev.gatehouse.ui.shell;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * {@link WindowState} in {@code console-window.properties} in the state directory. A missing or
 * damaged file gives {@link WindowState#FIRST_START}: the window always opens.
 */
public final class WindowStateStore {

    public static final String FILE = "console-window.properties";

    private final Path file;

    public WindowStateStore(Path stateDir) {
        this.file = stateDir.resolve(FILE);
    }

    public WindowState load() {
        if (!Files.isRegularFile(file)) {
            return WindowState.FIRST_START;
        }
        Properties saved = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            saved.load(reader);
            return new WindowState(number(saved, "x"), number(saved, "y"), number(saved, "width"),
                    number(saved, "height"), Boolean.parseBoolean(saved.getProperty("maximized")),
                    saved.getProperty("page", Pages.ROUTES));
        } catch (IOException | IllegalArgumentException e) {
            return WindowState.FIRST_START;
        }
    }

    public void save(WindowState state) throws IOException {
        Properties saved = new Properties();
        saved.setProperty("x", Double.toString(state.x()));
        saved.setProperty("y", Double.toString(state.y()));
        saved.setProperty("width", Double.toString(state.width()));
        saved.setProperty("height", Double.toString(state.height()));
        saved.setProperty("maximized", Boolean.toString(state.maximized()));
        saved.setProperty("page", state.page());
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(FILE + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temp)) {
            saved.store(writer, "Gatehouse console window, rewritten on close");
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static double number(Properties saved, String key) {
        String value = saved.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return Double.parseDouble(value);
    }
}
