package dev.gatehouse.engine.config;

import java.util.List;

/** The sensitive-word guard of an AI route: {@code mode} is {@code block} or {@code mask}. */
public record GuardConfig(List<String> words, String mode, Boolean checkRequest, Boolean checkResponse) {

    public GuardConfig {
        words = words == null ? List.of() : List.copyOf(words);
        mode = mode == null ? "block" : mode;
        checkRequest = checkRequest == null ? Boolean.TRUE : checkRequest;
        checkResponse = checkResponse == null ? Boolean.TRUE : checkResponse;
    }
}
