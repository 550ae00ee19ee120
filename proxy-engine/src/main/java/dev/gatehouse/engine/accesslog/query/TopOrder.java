package dev.gatehouse.engine.accesslog.query;

/** What a top-N list is ordered by, largest first. */
public enum TopOrder {
    REQUESTS, TOKENS, ERRORS
}
