package dev.gatehouse.engine.ai.usage;

/** Thrown by {@link SseParser} when one event grows past the parser's limit instead of buffering it. */
public final class SseEventTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int limit;

    SseEventTooLargeException(int limit) {
        super("a Server-Sent Event exceeded " + limit + " bytes");
        this.limit = limit;
    }

    /** The parser's maximum event size, in bytes. */
    public int limit() {
        return limit;
    }
}
