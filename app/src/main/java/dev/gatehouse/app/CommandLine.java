package dev.gatehouse.app;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small parser for {@code --name value} and {@code --flag} options: the commands have a
 * handful of options each, so a parsing library would be more code to learn than to write.
 */
final class CommandLine {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional;

    private CommandLine(List<String> positional) {
        this.positional = positional;
    }

    /**
     * @throws IllegalArgumentException with a message for the user on an unknown option or a
     *                                  missing value
     */
    static CommandLine parse(String[] args, Set<String> valueOptions, Set<String> flagOptions) {
        List<String> positional = new java.util.ArrayList<>();
        CommandLine line = new CommandLine(positional);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            if (valueOptions.contains(name)) {
                if (inline == null && (i + 1 >= args.length || args[i + 1].startsWith("--"))) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                line.values.put(name, inline != null ? inline : args[++i]);
            } else if (flagOptions.contains(name)) {
                line.flags.add(name);
            } else if (arg.startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + arg);
            } else {
                positional.add(arg);
            }
        }
        return line;
    }

    String value(String name) {
        return values.get(name);
    }

    boolean has(String name) {
        return flags.contains(name);
    }

    List<String> positional() {
        return positional;
    }
}
