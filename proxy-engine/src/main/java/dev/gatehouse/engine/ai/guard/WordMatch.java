package dev.gatehouse.engine.ai.guard;

import static java.util.Objects.requireNonNull;

/**
 * One occurrence of a configured word in a text: {@code [start, end)} in UTF-16 char indices
 * ({@link String#substring(int, int)} coordinates), and the word as it was configured.
 */
public record WordMatch(int start, int end, String word) {

    public WordMatch {
        requireNonNull(word, "word");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad match range [" + start + ", " + end + ")");
        }
    }
}
