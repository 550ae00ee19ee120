package dev.gatehouse.engine.ai.guard;

/** What the guard does with a configured word it finds: refuse the content, or hide the word. */
public enum GuardMode {
    /** Refuse: the request is rejected, or the stream is ended with an error event. */
    BLOCK,
    /** Replace the word with one {@code *} per character and let the content through. */
    MASK
}
