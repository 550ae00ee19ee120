package dev.gatehouse.engine.admin;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An engine at a glance: whether it serves, where it listens ({@code host:port}, actual ports),
 * the running config version, how long it has been up and the requests it is serving now.
 */
public record EngineStatus(boolean running, List<String> listenAddresses, long configVersion, long uptimeMillis,
                           int inFlightRequests) {

    public EngineStatus {
        listenAddresses = List.copyOf(requireNonNull(listenAddresses, "listenAddresses"));
        if (uptimeMillis < 0 || inFlightRequests < 0) {
            throw new IllegalArgumentException("uptime and in-flight requests cannot be negative");
        }
    }
}
