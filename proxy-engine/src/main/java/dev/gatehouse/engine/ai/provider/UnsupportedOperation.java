package dev.gatehouse.engine.ai.provider;

import static java.util.Objects.requireNonNull;

/**
 * A request the provider cannot serve (an endpoint it lacks, content it cannot represent); the
 * gateway answers 400 with {@code message}, which is written for the client to read.
 */
public record UnsupportedOperation(String message) implements UpstreamRequest {

    public UnsupportedOperation {
        requireNonNull(message, "message");
    }
}
