package dev.gatehouse.ui.shell;

import dev.gatehouse.engine.admin.EndpointStatus;
import dev.gatehouse.engine.admin.PoolHealth;
import dev.gatehouse.engine.health.HealthState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The endpoint events between two polls of endpoint health: an endpoint that stopped taking
 * traffic (ejected, down, draining) or took it again (restored). Half-open counts as out, so a
 * circuit that tries and fails again is one event, not one per trial.
 */
public final class HealthChanges {

    private static final Set<HealthState> SERVING = Set.of(HealthState.HEALTHY, HealthState.RAMPING_UP);

    /** What changed, as the user is told it. */
    public record Change(String pool, String address, HealthState from, HealthState to) {

        public boolean restored() {
            return SERVING.contains(to);
        }

        public String describe() {
            String what = restored() ? "restored" : switch (to) {
                case DOWN -> "down (failed its health checks)";
                case DRAINING -> "draining";
                default -> "ejected (circuit open)";
            };
            return "Endpoint " + pool + "/" + address + " " + what;
        }
    }

    private HealthChanges() {
    }

    /** Endpoints in both polls whose serving state flipped; new and removed endpoints are config changes, not events. */
    public static List<Change> between(List<PoolHealth> before, List<PoolHealth> after) {
        Map<String, HealthState> previous = new HashMap<>();
        for (PoolHealth pool : before) {
            for (EndpointStatus endpoint : pool.endpoints()) {
                previous.put(key(endpoint), endpoint.state());
            }
        }
        List<Change> changes = new ArrayList<>();
        for (PoolHealth pool : after) {
            for (EndpointStatus endpoint : pool.endpoints()) {
                HealthState was = previous.get(key(endpoint));
                if (was != null && SERVING.contains(was) != SERVING.contains(endpoint.state())) {
                    changes.add(new Change(endpoint.pool(), endpoint.address(), was, endpoint.state()));
                }
            }
        }
        return changes;
    }

    private static String key(EndpointStatus endpoint) {
        return endpoint.pool() + "\n" + endpoint.address();
    }
}
