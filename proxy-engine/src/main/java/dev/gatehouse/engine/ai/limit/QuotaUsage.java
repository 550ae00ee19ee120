package dev.gatehouse.engine.ai.limit;

import static java.util.Objects.requireNonNull;

/** Tokens a consumer used earlier in the current UTC day and month, before this process started. */
public record QuotaUsage(String consumer, long dayTokens, long monthTokens) {

    public QuotaUsage {
        requireNonNull(consumer, "consumer");
        if (dayTokens < 0 || monthTokens < dayTokens) {
            throw new IllegalArgumentException("need 0 <= dayTokens <= monthTokens, was " + dayTokens + " and " + monthTokens);
        }
    }
}
