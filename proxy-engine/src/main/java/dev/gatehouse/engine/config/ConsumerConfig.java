package dev.gatehouse.engine.config;

import java.util.List;

/**
 * A consumer of the AI routes: who it is, the salted hashes of its API keys (never the keys),
 * the models it may use (empty: all) and its limits and quotas.
 */
public record ConsumerConfig(String name, List<ApiKeyConfig> keys, List<String> allowedModels, RateLimitConfig limits) {

    public ConsumerConfig {
        keys = keys == null ? List.of() : List.copyOf(keys);
        allowedModels = allowedModels == null ? List.of() : List.copyOf(allowedModels);
    }
}
