package dev.gatehouse.engine.accesslog.query;

/**
 * The requests that started in one minute: how many, how many failed (5xx), their latency
 * percentiles (milliseconds, within about 6 %) and tokens.
 *
 * @param minuteMillis the minute's start, epoch milliseconds
 */
public record MinuteAggregate(long minuteMillis, long requests, long errors, double errorRate, double p50Millis,
                              double p99Millis, long inputTokens, long outputTokens) {
}
