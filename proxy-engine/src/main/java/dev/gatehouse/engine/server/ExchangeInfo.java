package dev.gatehouse.engine.server;

/**
 * What is known about one request as it passes: its ids, client, route, outcome and sizes.
 * Mutable, confined to the client connection's event loop; the access log (telemetry issue)
 * turns it into an immutable record when the exchange ends.
 */
final class ExchangeInfo {

    private final String requestId;
    private final String traceparent;
    private final String clientIp;
    private final long startNanos;
    private String route;
    private int status;
    private String error;
    private long bytesSent;
    private final AiFacts ai = new AiFacts();

    ExchangeInfo(String requestId, String traceparent, String clientIp, long startNanos) {
        this.requestId = requestId;
        this.traceparent = traceparent;
        this.clientIp = clientIp;
        this.startNanos = startNanos;
    }

    String requestId() { return requestId; }
    String traceparent() { return traceparent; }
    String clientIp() { return clientIp; }
    long startNanos() { return startNanos; }
    String route() { return route; }
    void route(String name) { this.route = name; }
    int status() { return status; }
    void status(int code) { this.status = code; }
    String error() { return error; }
    void error(String type) { this.error = type; }
    long bytesSent() { return bytesSent; }
    void addBytesSent(long bytes) { this.bytesSent += bytes; }
    /** The AI fields ({@code ai_log} of seed 003); empty for plain proxied requests. */
    AiFacts ai() { return ai; }
}
