package dev.gatehouse.engine.ai.guard;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The content guard settings of one route: the words to look for, what to do on a hit, and
 * which direction (client prompt, model answer) is checked.
 */
public record GuardPolicy(List<String> words, GuardMode mode, boolean checkRequest, boolean checkResponse) {

    public GuardPolicy {
        words = List.copyOf(requireNonNull(words, "words"));
        requireNonNull(mode, "mode");
        for (String word : words) {
            // An empty word would match between every two characters and mask or block everything.
            if (word.isEmpty()) {
                throw new IllegalArgumentException("guard words must not be empty");
            }
        }
    }
}
