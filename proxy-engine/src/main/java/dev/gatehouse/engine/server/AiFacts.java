package dev.gatehouse.engine.server;

/**
 * What an AI request adds to its record: the {@code ai_log} fields of seed 003 (api, model,
 * consumer, tokens, first-token and service time, response type, cache, fallback, guard and
 * rate-limit outcomes). Mutable, confined to the request's event loop.
 */
final class AiFacts {

    String api;
    String model;
    String consumer;
    long inputTokens;
    long outputTokens;
    boolean tokensEstimated;
    long firstTokenNanos = -1;
    long serviceNanos = -1;
    String responseType;
    String cacheStatus;
    String fallbackFrom;
    String safecheckStatus;
    String tokenRatelimitStatus;
}
