package dev.gatehouse.engine.ai.auth;

/**
 * A consumer's rate limits and token quotas; {@code null} means unlimited. Token counts are input
 * plus output tokens.
 */
public record ConsumerLimits(Long requestsPerMinute, Long tokensPerMinute, Long tokensPerDay,
                             Long tokensPerMonth) {

    private static final ConsumerLimits UNLIMITED = new ConsumerLimits(null, null, null, null);

    public ConsumerLimits {
        requirePositive(requestsPerMinute, "requestsPerMinute");
        requirePositive(tokensPerMinute, "tokensPerMinute");
        requirePositive(tokensPerDay, "tokensPerDay");
        requirePositive(tokensPerMonth, "tokensPerMonth");
    }

    public static ConsumerLimits unlimited() {
        return UNLIMITED;
    }

    private static void requirePositive(Long value, String name) {
        if (value != null && value <= 0) {
            throw new IllegalArgumentException(name + " must be positive or absent, got " + value);
        }
    }
}
