package dev.gatehouse.app;

import dev.gatehouse.engine.EngineOptions;
import dev.gatehouse.engine.config.ConfigError;
import dev.gatehouse.engine.config.ConfigException;
import dev.gatehouse.ui.shell.ConsoleSetup;
import dev.gatehouse.ui.shell.ConsoleWindow;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * {@code gatehouse} with no command (or {@code gatehouse console}): the desktop console with the
 * engine embedded and serving. Returns when the window is closed, after the engine drained.
 */
final class ConsoleCommand {

    static final String USAGE = """
            Usage: gatehouse [console] [--listen HOST:PORT] [--home DIR]

            Opens the desktop console with the gateway embedded and serving. The first time (no
            config yet) it serves the demo environment: simulated LLM backends with live traffic.
              --listen HOST:PORT  the gateway listens here instead of its config's listeners
              --home DIR          keep Gatehouse's files under DIR instead of the per-user directories
              -h, --help          show this help
            Without a display, run the gateway headless instead: gatehouse serve --help
            """;

    static final Set<String> VALUE_OPTIONS = Set.of("--listen", "--home");
    static final Set<String> FLAGS = Set.of("--help", "-h");

    /**
     * JavaFX warns on every start that it runs from the class path; Gatehouse does so on purpose
     * (one launcher for console and serve, no module path to keep), so JavaFX's logger is quiet
     * while it starts, and only then. Held here because java.util.logging keeps loggers weakly.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final String glassPlatform;
    private volatile ConsoleWindow window;

    /** {@code env} and {@code glassPlatform} (the JavaFX platform property, or null) tell whether a window can open. */
    ConsoleCommand(PrintStream out, PrintStream err, Map<String, String> env, String glassPlatform) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.glassPlatform = glassPlatform;
    }

    /** The console as {@code gatehouse} runs it: this process's environment. */
    static ConsoleCommand forThisProcess(PrintStream out, PrintStream err) {
        return new ConsoleCommand(out, err, System.getenv(), System.getProperty("glass.platform"));
    }

    int run(String[] args) {
        CommandLine line;
        try {
            line = CommandLine.parse(args, VALUE_OPTIONS, FLAGS);
            if (line.has("--help") || line.has("-h")) {
                out.print(USAGE);
                return 0;
            }
            if (!line.positional().isEmpty()) {
                throw new IllegalArgumentException("unexpected argument " + line.positional().get(0));
            }
        } catch (IllegalArgumentException e) {
            err.println("gatehouse: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        Optional<String> noDisplay = missingDisplay(System.getProperty("os.name"), env, glassPlatform);
        if (noDisplay.isPresent()) {
            err.println("gatehouse: " + noDisplay.get() + ", so the console cannot open.");
            err.println("Run the gateway headless instead: gatehouse serve --demo   (or: gatehouse serve --config FILE)");
            return 1;
        }
        GatehouseHome home = line.value("--home") == null
                ? GatehouseHome.platformDefault() : GatehouseHome.under(Path.of(line.value("--home")));
        HostPort listen;
        try {
            listen = line.value("--listen") == null ? null : HostPort.parse(line.value("--listen"));
        } catch (IllegalArgumentException e) {
            err.println("gatehouse: " + e.getMessage());
            return 2;
        }
        java.util.logging.Level level = JAVAFX_LOG.getLevel();
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        try {
            // The toolkit starts and reads the theme while the gateway starts: about a second of the start.
            CompletableFuture<Void> toolkit = startToolkit(home.state());
            ConsoleGateway gateway = startGateway(home, listen);
            if (gateway == null) {
                Platform.exit();
                return 1;
            }
            // Ctrl+C or SIGTERM in the terminal saves the window's state and drains the gateway, as
            // closing the window does.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                ConsoleWindow shown = window;
                if (shown != null) {
                    shown.saveState();
                }
                gateway.close();
            }, "gatehouse-shutdown"));
            try {
                toolkit.join();
            } catch (RuntimeException e) {
                gateway.close();
                return cannotOpen(e);
            }
            try {
                return showUntilClosed(gateway, home, level);
            } finally {
                gateway.close();
            }
        } finally {
            JAVAFX_LOG.setLevel(level);
        }
    }

    private static CompletableFuture<Void> startToolkit(Path stateDir) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        try {
            Platform.startup(() -> {
                try {
                    ConsoleWindow.warmUp(stateDir);
                    ready.complete(null);
                } catch (RuntimeException e) {
                    ready.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) {
            ready.completeExceptionally(e);
        }
        return ready;
    }

    /** The embedded gateway, or null after saying why it could not start. */
    private ConsoleGateway startGateway(GatehouseHome home, HostPort listen) {
        try {
            return ConsoleGateway.start(home, listen, EngineOptions.defaults(), err);
        } catch (ConfigException e) {
            err.println("gatehouse: the config in " + home.config() + " is not valid:");
            e.errors().stream().map(ConfigError::toString).forEach(error -> err.println("  " + error));
        } catch (IOException e) {
            err.println("gatehouse: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            err.println("gatehouse: the gateway could not start: " + e);
        }
        return null;
    }

    private int cannotOpen(RuntimeException e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        err.println("gatehouse: the console cannot open: " + cause);
        err.println("Run the gateway headless instead: gatehouse serve --demo   (or: gatehouse serve --config FILE)");
        return 1;
    }

    private int showUntilClosed(ConsoleGateway gateway, GatehouseHome home, java.util.logging.Level level) {
        CountDownLatch closed = new CountDownLatch(1);
        CompletableFuture<Void> opened = new CompletableFuture<>();
        ConsoleSetup setup = new ConsoleSetup(gateway.control(), home.state(),
                gateway.servesDemo() ? Optional.of(gateway::useEmptyConfig) : Optional.empty());
        Platform.runLater(() -> {
            try {
                Stage stage = new Stage();
                stage.setOnHidden(e -> closed.countDown());
                window = ConsoleWindow.open(stage, setup, Main.version());
                opened.complete(null);
            } catch (RuntimeException e) {
                opened.completeExceptionally(e);
            }
        });
        try {
            opened.join();
        } catch (RuntimeException e) {
            Platform.exit();
            return cannotOpen(e);
        }
        JAVAFX_LOG.setLevel(level);
        printReady(gateway);
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.println("Gatehouse: console closed, stopping the gateway...");
        Platform.exit();
        return 0;
    }

    private void printReady(ConsoleGateway gateway) {
        for (InetSocketAddress address : gateway.engine().addresses()) {
            out.println("Gatehouse gateway listening on http://" + ConsoleGateway.hostText(address) + ":" + address.getPort()
                    + (gateway.servesDemo() ? " (demo environment)" : ""));
        }
        ProcessHandle.current().info().startInstant().ifPresent(start -> out.println(String.format(Locale.ROOT,
                "Gatehouse console open, %.1f s after start", Duration.between(start, Instant.now()).toMillis() / 1000.0)));
    }

    /**
     * Why no window can open here, if so: on Linux and the BSDs a window needs an X11 or Wayland
     * display; Windows and macOS always have one, and Monocle (tests) needs none.
     */
    static Optional<String> missingDisplay(String osName, Map<String, String> env, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac") || "Monocle".equalsIgnoreCase(glassPlatform)) {
            return Optional.empty();
        }
        boolean display = !env.getOrDefault("DISPLAY", "").isBlank() || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
        return display ? Optional.empty() : Optional.of("no display found (neither DISPLAY nor WAYLAND_DISPLAY is set)");
    }
}
