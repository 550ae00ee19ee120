package dev.gatehouse.engine.accesslog.query;

/** One model, consumer or route of a top-N list, with its requests, errors (5xx) and tokens. */
public record TopEntry(String name, long requests, long errors, long inputTokens, long outputTokens) {
}
