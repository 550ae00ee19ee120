package dev.gatehouse.engine.ai.guard;

import static java.util.Objects.requireNonNull;

/**
 * What {@link StreamingScanner} decided about one piece of a stream: the text to send on now,
 * or the word that ends the stream.
 *
 * @param text      the text to forward now: the piece itself in {@link GuardMode#BLOCK}, the
 *                  released (and masked) text in {@link GuardMode#MASK}, possibly empty; empty
 *                  when blocked
 * @param blockedBy the match that blocks the stream, in stream coordinates; null when not blocked
 */
public record ScanDecision(String text, WordMatch blockedBy) {

    public ScanDecision {
        requireNonNull(text, "text");
    }

    static ScanDecision forward(String text) {
        return new ScanDecision(text, null);
    }

    static ScanDecision block(WordMatch match) {
        return new ScanDecision("", requireNonNull(match, "match"));
    }

    /** True when the caller must end the stream with an error event instead of sending more. */
    public boolean blocked() {
        return blockedBy != null;
    }
}
