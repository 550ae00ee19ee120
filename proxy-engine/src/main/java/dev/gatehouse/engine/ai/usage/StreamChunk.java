package dev.gatehouse.engine.ai.usage;

import static java.util.Objects.requireNonNull;

/**
 * What one {@code data:} payload of an OpenAI-style completion stream says about usage.
 *
 * @param done        the payload was the {@code [DONE]} sentinel
 * @param malformed   the payload was neither {@code [DONE]} nor a JSON object
 * @param model       the chunk's {@code model}, or null
 * @param usage       the chunk's {@code usage} (estimated false, no first-token time), or null
 * @param choiceCount the number of entries in {@code choices} (0 when absent)
 * @param text        the generated text the chunk carries, over all choices; empty when none
 */
public record StreamChunk(boolean done, boolean malformed, String model, TokenUsage usage,
        int choiceCount, String text) {

    static final StreamChunk DONE = new StreamChunk(true, false, null, null, 0, "");
    static final StreamChunk MALFORMED = new StreamChunk(false, true, null, null, 0, "");

    public StreamChunk {
        requireNonNull(text, "text");
    }

    /**
     * Whether this is the chunk OpenAI adds for {@code stream_options.include_usage}: usage and no
     * choices. It is the one chunk a client that did not ask for usage would never have seen.
     */
    public boolean usageOnly() {
        return usage != null && choiceCount == 0;
    }
}
