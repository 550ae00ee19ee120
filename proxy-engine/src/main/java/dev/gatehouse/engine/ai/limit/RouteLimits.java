package dev.gatehouse.engine.ai.limit;

/** A route's rate limits across all its consumers; {@code null} means unlimited. */
public record RouteLimits(Long requestsPerMinute, Long tokensPerMinute) {

    private static final RouteLimits UNLIMITED = new RouteLimits(null, null);

    public RouteLimits {
        if (requestsPerMinute != null && requestsPerMinute <= 0) {
            throw new IllegalArgumentException("requestsPerMinute must be positive or absent, got " + requestsPerMinute);
        }
        if (tokensPerMinute != null && tokensPerMinute <= 0) {
            throw new IllegalArgumentException("tokensPerMinute must be positive or absent, got " + tokensPerMinute);
        }
    }

    public static RouteLimits unlimited() {
        return UNLIMITED;
    }
}
