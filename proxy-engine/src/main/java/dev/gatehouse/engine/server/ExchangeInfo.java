package dev.gatehouse.engine.server;

import dev.gatehouse.engine.accesslog.AccessRecord;

import java.time.Instant;

/**
 * What is known about one request as it passes: its ids, client, route, upstream, outcome and
 * sizes, and for AI routes the {@link AiFacts}. Mutable, confined to the client connection's
 * event loop; becomes an immutable {@link AccessRecord} when the exchange ends.
 */
final class ExchangeInfo {

    private final String requestId;
    private final String traceparent;
    private final String clientIp;
    private final long startNanos;
    private final Instant startTime;
    private final AiFacts ai = new AiFacts();
    private String method;
    private String path;
    private String authority;
    private String userAgent;
    private long bytesReceived;
    private String route;
    private String pool;
    private String upstreamHost;
    private long upstreamServiceNanos = -1;
    private long upstreamHeadNanos;
    private String upstreamLocalAddress;
    private String transportFailure;
    private String protocol;
    private long requestNanos = -1;
    private String forwardedFor;
    private String localAddress;
    private String remoteAddress;
    private int status;
    private String error;
    private long bytesSent;

    ExchangeInfo(String requestId, String traceparent, String clientIp, long startNanos) {
        this.requestId = requestId;
        this.traceparent = traceparent;
        this.clientIp = clientIp;
        this.startNanos = startNanos;
        this.startTime = Instant.now();
    }

    String requestId() { return requestId; }
    String traceparent() { return traceparent; }
    String clientIp() { return clientIp; }
    void route(String name) { this.route = name; }
    /** The pool the request is sent to, known before any endpoint answers (seed 003's upstream_cluster). */
    void pool(String name) { this.pool = name; }
    void status(int code) { this.status = code; }
    void error(String type) { this.error = type; }
    void addBytesSent(long bytes) { this.bytesSent += bytes; }
    /** The AI fields ({@code ai_log} of seed 003); empty for plain proxied requests. */
    AiFacts ai() { return ai; }

    void request(String method, String path, String authority, String userAgent, long bodyBytes) {
        this.method = method;
        this.path = path;
        this.authority = authority;
        this.userAgent = userAgent;
        this.bytesReceived = bodyBytes;
    }

    /** The upstream that answered (the last one tried), and how long it took to answer. */
    void upstream(String pool, String host, long serviceNanos, String localAddress) {
        this.pool = pool;
        this.upstreamHost = host;
        this.upstreamServiceNanos = serviceNanos;
        this.upstreamHeadNanos = System.nanoTime();
        this.upstreamLocalAddress = localAddress;
    }

    /** Why the upstream could not be reached or broke off (seed 003's upstream_transport_failure_reason). */
    void transportFailure(String reason) { this.transportFailure = reason; }

    /** How the request reached the gateway: HTTP version, time to receive it, its X-Forwarded-For, both ends. */
    void connection(String protocol, long requestNanos, String forwardedFor, String localAddress, String remoteAddress) {
        this.protocol = protocol;
        this.requestNanos = requestNanos;
        this.forwardedFor = forwardedFor;
        this.localAddress = localAddress;
        this.remoteAddress = remoteAddress;
    }

    AccessRecord toRecord(long endNanos) {
        boolean isAi = ai.api != null;
        return new AccessRecord(requestId, RequestIds.traceId(traceparent), startTime, method, path, authority,
                clientIp, userAgent, route, pool, upstreamHost, status, error != null ? error : "via_upstream",
                endNanos - startNanos, upstreamServiceNanos, bytesReceived, bytesSent,
                ai.api, ai.model, ai.consumer, ai.inputTokens, ai.outputTokens, ai.tokensEstimated,
                ai.firstTokenNanos, isAi ? ai.serviceNanos : -1, ai.responseType, ai.cacheStatus, ai.fallbackFrom,
                ai.safecheckStatus, ai.tokenRatelimitStatus, protocol, requestNanos,
                upstreamHeadNanos == 0 ? -1 : endNanos - upstreamHeadNanos, transportFailure, upstreamLocalAddress,
                forwardedFor, localAddress, remoteAddress);
    }
}
