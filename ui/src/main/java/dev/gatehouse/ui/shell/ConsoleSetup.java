package dev.gatehouse.ui.shell;

import dev.gatehouse.engine.admin.GatewayControl;

import java.nio.file.Path;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the application hands the console: the embedded engine's control, the directory where the
 * console keeps its state (window, settings), and, on a first run serving the demo, how to leave it.
 */
public record ConsoleSetup(GatewayControl embedded, Path stateDir, Optional<DemoSwitch> demo) {

    public ConsoleSetup {
        requireNonNull(embedded, "embedded");
        requireNonNull(stateDir, "stateDir");
        requireNonNull(demo, "demo");
    }
}
