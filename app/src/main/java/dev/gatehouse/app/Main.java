package dev.gatehouse.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * The {@code gatehouse} command: plain {@code gatehouse} opens the desktop console with the engine
 * embedded; {@code serve} runs the engine headless; {@code validate} and {@code keygen} help with configs.
 */
public final class Main {

    static final String USAGE = """
            Usage: gatehouse [COMMAND] [OPTIONS]
                   gatehouse FILE.gatehouse    open the console serving that config file

            Commands:
              console    open the desktop console with the gateway embedded (the default)
              serve      run the gateway headless (gatehouse serve --help)
              validate   check a config file and list every error (gatehouse validate --help)
              keygen     make an API key for a consumer of the AI routes (gatehouse keygen --help)
              cloud-sim  run a simulated Huawei Cloud for the wizard and discovery (gatehouse cloud-sim --help)

            With no command, gatehouse opens the console; the first time it serves the demo
            environment (simulated LLM backends with traffic) on 127.0.0.1:8080.

            Options:
              -h, --help     show this help
              --version      show the version
            """;

    /** The extension of Gatehouse config files that the installers associate with the app. */
    static final String CONFIG_EXTENSION = "gatehouse";

    private static final Set<String> COMMANDS = Set.of("console", "serve", "validate", "keygen", "help");

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        int exit = run(args, System.out, System.err);
        if (exit != ServeCommand.KEEP_RUNNING) {
            System.exit(exit);
        }
        // The engine's threads are daemons; the gateway lives until a signal runs the shutdown hook.
        Thread.currentThread().join();
    }

    /** Runs a command; returns its exit status, or {@link ServeCommand#KEEP_RUNNING} while serving. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].startsWith("--") && !args[0].equals("--help") && !args[0].equals("--version")) {
            return ConsoleCommand.forThisProcess(out, err).run(args);
        }
        if (args.length == 1 && isConfigFile(args[0])) {
            // How a file manager opens a config file associated with Gatehouse: the file alone.
            return ConsoleCommand.forThisProcess(out, err).run(new String[] {"--config", args[0]});
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "console" -> ConsoleCommand.forThisProcess(out, err).run(rest);
            case "serve" -> new ServeCommand(out, err).run(rest);
            case "validate" -> new ValidateCommand(out, err).run(rest);
            case "keygen" -> new KeygenCommand(out, err, new java.security.SecureRandom()).run(rest);
            case "cloud-sim" -> new CloudSimCommand(out, err).run(rest);
            case "-h", "--help", "help" -> {
                out.print(USAGE);
                yield 0;
            }
            case "--version" -> {
                out.println("gatehouse " + version());
                yield 0;
            }
            default -> {
                err.println("gatehouse: unknown command \"" + args[0] + "\"");
                err.print(USAGE);
                yield 2;
            }
        };
    }

    /** A config file given alone: named *.gatehouse, or any existing file (never a command's name). */
    static boolean isConfigFile(String arg) {
        if (COMMANDS.contains(arg) || arg.startsWith("-")) {
            return false;
        }
        try {
            return arg.endsWith("." + CONFIG_EXTENSION) || Files.isRegularFile(Path.of(arg));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        if (version == null) {
            // The installed launcher says which version it is (jpackage sets this property).
            version = System.getProperty("jpackage.app-version");
        }
        return version == null ? "dev" : version;
    }
}
