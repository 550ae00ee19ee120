package dev.gatehouse.engine.config;

/**
 * Request and token limits of a consumer or a route; null means unlimited. Tokens are input plus
 * output as reported by the upstream (estimated when it reports none).
 */
public record RateLimitConfig(Long requestsPerMinute, Long tokensPerMinute, Long tokensPerDay, Long tokensPerMonth) {
}
