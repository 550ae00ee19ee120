package dev.gatehouse.engine.accesslog;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;
import java.util.Objects;

/**
 * One request the gateway carried, as it ended: the fields of seed 003's access log, and for
 * AI routes its {@code ai_log} fields (null where they do not apply). Handed to the
 * {@link AccessRecordSink} on the request's event loop.
 *
 * @param durationNanos        arrival of the request to the end of its response
 * @param upstreamServiceNanos the upstream's time to answer (head), -1 without one
 * @param firstTokenNanos      AI streams: arrival of the request to the first generated token, -1 otherwise
 * @param serviceNanos         AI requests: arrival to the last byte of the answer, -1 otherwise
 * @param protocol             the client's HTTP version, e.g. {@code HTTP/1.1}
 * @param requestDurationNanos first byte of the request to its last, as received from the client
 * @param responseTxNanos      first byte from the upstream to the last byte sent to the client, -1 without one
 * @param upstreamTransportFailureReason why the upstream could not be reached or broke off, null if it answered
 * @param upstreamLocalAddress the gateway's side of the upstream connection ({@code ip:port}), null without one
 * @param xForwardedFor        the client's {@code X-Forwarded-For} header as received, null without one
 * @param downstreamLocalAddress  the gateway's listening address the client connected to ({@code ip:port})
 * @param downstreamRemoteAddress the client's address ({@code ip:port})
 */
public record AccessRecord(
        String requestId,
        String traceId,
        // Plain Jackson (no java.time module) writes and reads it as ISO-8601, as seed 003's start_time.
        @JsonSerialize(using = ToStringSerializer.class) @JsonDeserialize(using = InstantText.class) Instant startTime,
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
        String tokenRatelimitStatus,
        String protocol,
        long requestDurationNanos,
        long responseTxNanos,
        String upstreamTransportFailureReason,
        String upstreamLocalAddress,
        String xForwardedFor,
        String downstreamLocalAddress,
        String downstreamRemoteAddress) {

    public AccessRecord {
        Objects.requireNonNull(startTime, "startTime");
    }

    /**
     * The record without the connection-level fields (protocol, request and response transfer
     * times, transport failure, addresses), for callers that have none of them: those are left
     * null or -1.
     */
    public AccessRecord(String requestId, String traceId, Instant startTime, String method, String path,
                        String authority, String clientIp, String userAgent, String route, String upstreamCluster,
                        String upstreamHost, int responseCode, String responseCodeDetails, long durationNanos,
                        long upstreamServiceNanos, long bytesReceived, long bytesSent, String api, String model,
                        String consumer, long inputTokens, long outputTokens, boolean tokensEstimated,
                        long firstTokenNanos, long serviceNanos, String responseType, String cacheStatus,
                        String fallbackFrom, String safecheckStatus, String tokenRatelimitStatus) {
        this(requestId, traceId, startTime, method, path, authority, clientIp, userAgent, route, upstreamCluster,
                upstreamHost, responseCode, responseCodeDetails, durationNanos, upstreamServiceNanos, bytesReceived,
                bytesSent, api, model, consumer, inputTokens, outputTokens, tokensEstimated, firstTokenNanos,
                serviceNanos, responseType, cacheStatus, fallbackFrom, safecheckStatus, tokenRatelimitStatus,
                null, -1, -1, null, null, null, null, null);
    }
}
