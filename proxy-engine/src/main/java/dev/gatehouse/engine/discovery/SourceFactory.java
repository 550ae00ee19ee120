package dev.gatehouse.engine.discovery;

import dev.gatehouse.engine.config.ModelArtsDiscoveryConfig;

/** Opens the source a pool's {@code discovery} names. */
@FunctionalInterface
public interface SourceFactory {

    HostEndpointSource open(String pool, ModelArtsDiscoveryConfig config);
}
