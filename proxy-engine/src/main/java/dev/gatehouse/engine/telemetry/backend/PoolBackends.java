package dev.gatehouse.engine.telemetry.backend;

import java.util.List;
import java.util.Objects;

/** The backend metrics of one pool's endpoints, in the pool's configured order. */
public record PoolBackends(String pool, List<BackendSample> endpoints) {

    public PoolBackends {
        Objects.requireNonNull(pool, "pool");
        endpoints = List.copyOf(endpoints);
    }
}
