package dev.gatehouse.engine.ai.usage;

/**
 * The tokens one exchange with an LLM upstream consumed, as reported by the upstream or estimated.
 *
 * @param model           the model the upstream named in its response, or null when it named none
 * @param inputTokens     prompt tokens
 * @param outputTokens    completion tokens (0 for embeddings)
 * @param totalTokens     as the upstream reported it, else input plus output
 * @param estimated       true when the counts come from {@link TokenEstimator}, not the upstream
 * @param firstTokenNanos for a stream, nanoseconds from forwarding the request to the first
 *                        generated text; null when not streamed or when no text arrived
 */
public record TokenUsage(String model, long inputTokens, long outputTokens, long totalTokens,
        boolean estimated, Long firstTokenNanos) {

    public TokenUsage {
        if (inputTokens < 0 || outputTokens < 0 || totalTokens < 0) {
            throw new IllegalArgumentException("negative token count: input " + inputTokens
                    + ", output " + outputTokens + ", total " + totalTokens);
        }
        if (firstTokenNanos != null && firstTokenNanos < 0) {
            throw new IllegalArgumentException("firstTokenNanos: " + firstTokenNanos + " (expected >= 0)");
        }
    }

    /** This usage with the given time to first token. */
    public TokenUsage withFirstTokenNanos(Long nanos) {
        return new TokenUsage(model, inputTokens, outputTokens, totalTokens, estimated, nanos);
    }
}
