package dev.gatehouse.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Gatehouse keeps its files, per platform convention: Linux {@code $XDG_CONFIG_HOME}/
 * {@code $XDG_DATA_HOME} (defaulting to ~/.config and ~/.local/share), Windows {@code %APPDATA%}
 * for config and {@code %LOCALAPPDATA%} for data, macOS {@code ~/Library/Application Support}. {@code --home DIR} puts everything under DIR.
 */
record GatehouseHome(Path config, Path data, Path state) {

    static GatehouseHome under(Path dir) {
        return new GatehouseHome(dir.resolve("config"), dir.resolve("data"), dir.resolve("state"));
    }

    static GatehouseHome platformDefault() {
        return forPlatform(System.getProperty("os.name"), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static GatehouseHome forPlatform(String osName, Map<String, String> env, Path userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            // Config roams with the user's profile; the access log (up to 2 GiB) and window state stay on this machine.
            Path roaming = env.containsKey("APPDATA") ? Path.of(env.get("APPDATA")) : userHome.resolve("AppData/Roaming");
            Path local = env.containsKey("LOCALAPPDATA") ? Path.of(env.get("LOCALAPPDATA")) : userHome.resolve("AppData/Local");
            return new GatehouseHome(roaming.resolve("Gatehouse"), local.resolve("Gatehouse/data"), local.resolve("Gatehouse/state"));
        }
        if (os.startsWith("mac")) {
            Path dir = userHome.resolve("Library/Application Support/Gatehouse");
            return new GatehouseHome(dir, dir.resolve("data"), dir.resolve("state"));
        }
        return new GatehouseHome(
                xdg(env, "XDG_CONFIG_HOME", userHome.resolve(".config")).resolve("gatehouse"),
                xdg(env, "XDG_DATA_HOME", userHome.resolve(".local/share")).resolve("gatehouse"),
                xdg(env, "XDG_STATE_HOME", userHome.resolve(".local/state")).resolve("gatehouse"));
    }

    private static Path xdg(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        // The XDG spec says relative paths are invalid and must be ignored.
        return value != null && value.startsWith("/") ? Path.of(value) : fallback;
    }
}
