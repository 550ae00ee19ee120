package dev.gatehouse.engine.config;

import java.time.Duration;
import java.util.List;

/**
 * What makes a route an AI route: the OpenAI-compatible endpoints ({@code /v1/chat/completions},
 * {@code /v1/completions}, {@code /v1/embeddings}, {@code /v1/models}) are then handled by the
 * gateway itself — consumer keys, limits, token accounting, fallback, cache, guard, template —
 * instead of passed through. Absent sections are off; see each record for defaults.
 *
 * @param upstreamModel     the model name sent upstream (an alias: clients ask for the route's
 *                          model, the pool serves this one); null keeps the client's
 * @param requireKey        whether requests need a consumer's API key (default true)
 * @param fallback          pools to try in order when the route's own pool fails before the
 *                          first byte reached the client (connect error, 5xx, 429, timeout)
 * @param retries           extra attempts on each pool of the chain before moving on (default 0)
 * @param retryBackoff      pause before a retry (default 200 ms; an upstream's Retry-After wins)
 * @param firstTokenTimeout a stream's wait for its first token before falling back (default 30 s)
 * @param totalTimeout      a whole request's limit, first byte to last (default 10 min)
 */
public record AiRouteConfig(
        String upstreamModel,
        Boolean requireKey,
        List<FallbackConfig> fallback,
        Integer retries,
        Duration retryBackoff,
        Duration firstTokenTimeout,
        Duration totalTimeout,
        RateLimitConfig limits,
        CacheConfig cache,
        GuardConfig guard,
        TemplateConfig template) {

    public AiRouteConfig {
        requireKey = requireKey == null ? Boolean.TRUE : requireKey;
        fallback = fallback == null ? List.of() : List.copyOf(fallback);
        retries = retries == null ? 0 : retries;
        retryBackoff = retryBackoff == null ? Duration.ofMillis(200) : retryBackoff;
        firstTokenTimeout = firstTokenTimeout == null ? Duration.ofSeconds(30) : firstTokenTimeout;
        totalTimeout = totalTimeout == null ? Duration.ofMinutes(10) : totalTimeout;
    }

    public static AiRouteConfig defaults() {
        return new AiRouteConfig(null, null, null, null, null, null, null, null, null, null, null);
    }
}
