package dev.gatehouse.engine.accesslog;

import java.time.Instant;

/**
 * One request the gateway carried, as it ended: the fields of seed 003's access log, and for
 * AI routes its {@code ai_log} fields (null where they do not apply). Handed to the
 * {@link AccessRecordSink} on the request's event loop.
 *
 * @param durationNanos        arrival of the request to the end of its response
 * @param upstreamServiceNanos the upstream's time to answer (head), -1 without one
 * @param firstTokenNanos      AI streams: arrival of the request to the first generated token, -1 otherwise
 * @param serviceNanos         AI requests: arrival to the last byte of the answer, -1 otherwise
 */
public record AccessRecord(
        String requestId,
        String traceId,
        Instant startTime,
        String method,
        String path,
        String authority,
        String clientIp,
        String userAgent,
        String route,
        String upstreamCluster,
        String upstreamHost,
        int responseCode,
        String responseCodeDetails,
        long durationNanos,
        long upstreamServiceNanos,
        long bytesReceived,
        long bytesSent,
        String api,
        String model,
        String consumer,
        long inputTokens,
        long outputTokens,
        boolean tokensEstimated,
        long firstTokenNanos,
        long serviceNanos,
        String responseType,
        String cacheStatus,
        String fallbackFrom,
        String safecheckStatus,
        String tokenRatelimitStatus) {
}
