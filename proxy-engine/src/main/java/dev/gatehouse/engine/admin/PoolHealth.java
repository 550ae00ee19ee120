package dev.gatehouse.engine.admin;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A pool's endpoints with their health, in config order. */
public record PoolHealth(String pool, List<EndpointStatus> endpoints) {

    public PoolHealth {
        requireNonNull(pool, "pool");
        endpoints = List.copyOf(endpoints);
    }
}
