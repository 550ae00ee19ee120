package dev.gatehouse.engine.config;

import java.time.Duration;

/** The response cache of an AI route: identical requests of one consumer within {@code ttl} (default 5 min, seed 001 §4.2). */
public record CacheConfig(Boolean enabled, Duration ttl, Long maxBytes) {

    public CacheConfig {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        ttl = ttl == null ? Duration.ofMinutes(5) : ttl;
        maxBytes = maxBytes == null ? 64L * 1024 * 1024 : maxBytes;
    }
}
