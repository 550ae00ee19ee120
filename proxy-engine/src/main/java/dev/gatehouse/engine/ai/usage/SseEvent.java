package dev.gatehouse.engine.ai.usage;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One block of a Server-Sent Events stream: its parsed fields and the exact bytes it arrived as.
 *
 * <p>A block that carried no {@code data} field (only comments, or a stray blank line) has a null
 * {@code data}; a browser would not dispatch it, but it is still reported so that the concatenated
 * {@code raw} of all blocks is the stream byte for byte.
 *
 * @param event the {@code event} field, or null when absent (a browser would call it "message")
 * @param data  the {@code data} lines joined with {@code \n}, or null when the block had none
 * @param raw   the block's bytes including its terminating blank line; shared, not copied, so that
 *              forwarding an event costs no copy: never modify it
 */
public record SseEvent(String event, String data, byte[] raw) {

    public SseEvent {
        requireNonNull(raw, "raw");
    }

    /** Whether a browser would dispatch this block, that is whether it had a {@code data} field. */
    public boolean dispatched() {
        return data != null;
    }

    // Records compare arrays by identity; events are compared by content (the same stream split
    // differently must give equal events).
    @Override
    public boolean equals(Object other) {
        return other instanceof SseEvent that
                && Objects.equals(event, that.event)
                && Objects.equals(data, that.data)
                && Arrays.equals(raw, that.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(event, data, Arrays.hashCode(raw));
    }

    @Override
    public String toString() {
        return "SseEvent[event=" + event + ", data=" + data + ", raw="
                + new String(raw, StandardCharsets.UTF_8).replace("\r", "\\r").replace("\n", "\\n") + ']';
    }
}
