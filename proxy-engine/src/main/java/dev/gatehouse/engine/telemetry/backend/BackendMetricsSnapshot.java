package dev.gatehouse.engine.telemetry.backend;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Every pool's backend metrics and the local machine's GPUs at one moment, for the dashboard. */
public record BackendMetricsSnapshot(Instant takenAt, List<PoolBackends> pools, LocalGpuReport localGpus) {

    public BackendMetricsSnapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        pools = List.copyOf(pools);
        Objects.requireNonNull(localGpus, "localGpus");
    }

    /** The sample of endpoint {@code address} ({@code host:port}) in {@code pool}, if it is configured. */
    public Optional<BackendSample> endpoint(String pool, String address) {
        return pools.stream().filter(p -> p.pool().equals(pool))
                .flatMap(p -> p.endpoints().stream())
                .filter(e -> e.endpoint().equals(address))
                .findFirst();
    }
}
