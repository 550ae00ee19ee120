package dev.gatehouse.app;

import dev.gatehouse.engine.ai.auth.ApiKeyHash;
import dev.gatehouse.engine.ai.auth.ApiKeys;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Set;

/**
 * {@code gatehouse keygen}: a new consumer API key, and the salted hash that goes into the
 * config. The key is printed once and stored nowhere; the config only ever holds the hash.
 */
final class KeygenCommand {

    static final String USAGE = """
            Usage: gatehouse keygen [--consumer NAME]

            Makes a new API key for a consumer of the AI routes. Give the key to the consumer;
            put the printed {"salt", "sha256"} object into that consumer's "keys" in the config.
            The key itself is shown only this once and is never written anywhere.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final SecureRandom random;

    KeygenCommand(PrintStream out, PrintStream err, SecureRandom random) {
        this.out = out;
        this.err = err;
        this.random = random;
    }

    int run(String[] args) {
        CommandLine line;
        try {
            line = CommandLine.parse(args, Set.of("--consumer"), Set.of("--help", "-h"));
        } catch (IllegalArgumentException e) {
            err.println("gatehouse keygen: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (line.has("--help") || line.has("-h")) {
            out.print(USAGE);
            return 0;
        }
        String key = ApiKeys.generate(random);
        ApiKeyHash hash = ApiKeyHash.of(key, random);
        String name = line.value("--consumer") == null ? "CONSUMER" : line.value("--consumer");
        out.println("API key (give it to the consumer; it is not stored anywhere):");
        out.println("  " + key);
        out.println("Config entry:");
        out.println("  {\"name\": \"" + name + "\", \"keys\": [{\"salt\": \"" + hash.salt() + "\", \"sha256\": \""
                + hash.hash() + "\"}]}");
        return 0;
    }
}
