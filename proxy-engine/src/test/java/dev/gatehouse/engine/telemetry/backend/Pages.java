package dev.gatehouse.engine.telemetry.backend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Recorded exporter output under {@code src/test/resources/telemetry/backend}. */
final class Pages {

    private Pages() {
    }

    static String read(String name) {
        try (InputStream in = Pages.class.getResourceAsStream("/telemetry/backend/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
