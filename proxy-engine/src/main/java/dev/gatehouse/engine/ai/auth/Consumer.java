package dev.gatehouse.engine.ai.auth;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * Someone who calls the gateway with an API key: the hashes of their keys (several, so a key can
 * be rotated without downtime), the models they may use (empty: all) and their limits.
 */
public record Consumer(String name, List<ApiKeyHash> keys, Set<String> allowedModels,
                       ConsumerLimits limits) {

    public Consumer {
        requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        keys = List.copyOf(requireNonNull(keys, "keys"));
        allowedModels = Set.copyOf(requireNonNull(allowedModels, "allowedModels"));
        limits = limits == null ? ConsumerLimits.unlimited() : limits;
    }

    /** Whether this consumer may call {@code model}; an empty allow list allows every model. */
    public boolean allowsModel(String model) {
        return allowedModels.isEmpty() || (model != null && allowedModels.contains(model));
    }
}
