package dev.gatehouse.engine.discovery;

import java.time.Instant;
import java.util.List;

/**
 * How one pool's discovery stands, for the console: when it last looked, what it found, which
 * endpoints are draining because they vanished, and the last error (null after a success).
 */
public record DiscoveryStatus(String pool, Instant lastLookup, List<String> found, List<String> draining,
                              String lastError) {

    public DiscoveryStatus {
        found = List.copyOf(found);
        draining = List.copyOf(draining);
    }
}
