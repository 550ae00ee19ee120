package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.admin.EndpointStatus;
import dev.gatehouse.engine.admin.PoolHealth;
import dev.gatehouse.engine.health.HealthState;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A pool's endpoints counted as serving (healthy or ramping up) or out (every other state). */
public record PoolHealthCount(String pool, int serving, int out) {

    public PoolHealthCount {
        requireNonNull(pool, "pool");
    }

    public static List<PoolHealthCount> of(List<PoolHealth> pools) {
        return pools.stream().map(PoolHealthCount::of).toList();
    }

    static PoolHealthCount of(PoolHealth pool) {
        int serving = 0;
        for (EndpointStatus endpoint : pool.endpoints()) {
            if (endpoint.state() == HealthState.HEALTHY || endpoint.state() == HealthState.RAMPING_UP) {
                serving++;
            }
        }
        return new PoolHealthCount(pool.pool(), serving, pool.endpoints().size() - serving);
    }
}
