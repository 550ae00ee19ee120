package dev.gatehouse.app;

import dev.gatehouse.engine.config.ConfigError;
import dev.gatehouse.engine.config.ConfigException;
import dev.gatehouse.engine.config.ConfigLoader;
import dev.gatehouse.engine.config.GatewayConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/** {@code gatehouse validate FILE}: exit 0 for a valid config, else every error and exit 1. */
final class ValidateCommand {

    static final String USAGE = """
            Usage: gatehouse validate FILE

            Checks a gateway config file without starting anything. Prints every error with the
            path of the field it is about (for example  routes[3].pool: no pool named "qwen-72b")
            and exits with status 1; exits 0 when the file is valid.
            """;

    private final PrintStream out;
    private final PrintStream err;

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        CommandLine line;
        try {
            line = CommandLine.parse(args, Set.of(), Set.of("--help", "-h"));
        } catch (IllegalArgumentException e) {
            err.println("gatehouse validate: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (line.has("--help") || line.has("-h")) {
            out.print(USAGE);
            return 0;
        }
        if (line.positional().size() != 1) {
            err.print(USAGE);
            return 2;
        }
        Path file = Path.of(line.positional().get(0));
        try {
            GatewayConfig config = ConfigLoader.load(file);
            out.println(file + ": valid (" + config.listeners().size() + " listeners, " + config.pools().size()
                    + " pools, " + config.routes().size() + " routes)");
            return 0;
        } catch (ConfigException e) {
            err.println(file + ": " + e.errors().size() + (e.errors().size() == 1 ? " error" : " errors"));
            for (ConfigError error : e.errors()) {
                err.println("  " + error);
            }
            return 1;
        } catch (IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            return 1;
        }
    }
}
