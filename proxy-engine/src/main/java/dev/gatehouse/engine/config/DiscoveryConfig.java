package dev.gatehouse.engine.config;

/**
 * Where a pool's endpoints come from when not (only) written by hand: {@code modelarts}, a
 * ModelArts online service's host endpoints. The discovered endpoints are kept in the pool's
 * {@code endpoints}, rewritten by the engine's discovery on each change.
 */
public record DiscoveryConfig(ModelArtsDiscoveryConfig modelarts) {
}
