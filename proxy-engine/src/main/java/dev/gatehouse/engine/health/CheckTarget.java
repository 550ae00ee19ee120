package dev.gatehouse.engine.health;

import java.util.Objects;

/** One endpoint an {@link ActiveHealthChecker} probes, and the health its verdicts go to. */
public record CheckTarget(String host, int port, ManagedHealth health) {

    public CheckTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(health, "health");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
