package dev.gatehouse.engine.admin;

import dev.gatehouse.engine.health.HealthState;

import static java.util.Objects.requireNonNull;

/**
 * One endpoint as the engine knows it now: health state, configured weight, the weight balancers
 * use now (lower while it ramps back up, 0 while it takes no traffic) and requests in flight.
 */
public record EndpointStatus(String pool, String address, HealthState state, int weight, int effectiveWeight,
                             int inFlight) {

    public EndpointStatus {
        requireNonNull(pool, "pool");
        requireNonNull(address, "address");
        requireNonNull(state, "state");
    }
}
