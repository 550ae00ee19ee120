package dev.gatehouse.ui.shell;

import dev.gatehouse.engine.admin.EngineStatus;
import dev.gatehouse.engine.admin.PoolHealth;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * One poll of the engine: its status, every endpoint's health, and the requests it has completed
 * so far (from its metrics; empty where the engine does not report them), taken at {@code at}.
 */
public record EngineSample(EngineStatus status, List<PoolHealth> health, OptionalLong requestsCompleted, Instant at) {

    public EngineSample {
        requireNonNull(status, "status");
        health = List.copyOf(health);
        requireNonNull(requestsCompleted, "requestsCompleted");
        requireNonNull(at, "at");
    }
}
