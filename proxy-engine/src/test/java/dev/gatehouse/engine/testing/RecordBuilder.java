package dev.gatehouse.engine.testing;

import dev.gatehouse.engine.accesslog.AccessRecord;

import java.time.Instant;

/**
 * Access records for tests: every field set to something plausible (durations in whole
 * microseconds, as the store keeps them), the ones a test is about changed by name.
 */
public final class RecordBuilder {

    public String requestId = "req-1";
    public String traceId = "0af7651916cd43dd8448eb211c80319c";
    public Instant start = Instant.parse("2026-11-25T10:00:00Z");
    public String method = "POST";
    public String path = "/v1/chat/completions";
    public String userAgent = "OpenAI/Python 1.52.0";
    public String route = "chat";
    public String upstreamHost = "10.0.0.1:8000";
    public int status = 200;
    public String details = "via_upstream";
    public long durationMicros = 12_345;
    public String model = "qwen-72b";
    public String consumer = "team-a";
    public long inputTokens = 100;
    public long outputTokens = 20;
    public String responseType = "normal";
    public String cacheStatus = "miss";
    public String fallbackFrom;
    public String rateLimit = "pass";
    public String transportFailure;
    /** Unless set (null included: no pool reached), the route's pool {@code "pool-" + route}. */
    public String pool;
    private boolean poolSet;
    public long upstreamMicros = 9_000;
    /** Negative: not a stream, no first token. */
    public long firstTokenMicros = 3_000;

    public static RecordBuilder record() {
        return new RecordBuilder();
    }

    public RecordBuilder id(String value) { requestId = value; return this; }
    public RecordBuilder start(Instant value) { start = value; return this; }
    public RecordBuilder path(String value) { path = value; return this; }
    public RecordBuilder userAgent(String value) { userAgent = value; return this; }
    public RecordBuilder route(String value) { route = value; return this; }
    public RecordBuilder upstreamHost(String value) { upstreamHost = value; return this; }
    public RecordBuilder status(int value) { status = value; return this; }
    public RecordBuilder details(String value) { details = value; return this; }
    public RecordBuilder durationMicros(long value) { durationMicros = value; return this; }
    public RecordBuilder model(String value) { model = value; return this; }
    public RecordBuilder consumer(String value) { consumer = value; return this; }
    public RecordBuilder tokens(long in, long out) { inputTokens = in; outputTokens = out; return this; }
    public RecordBuilder responseType(String value) { responseType = value; return this; }
    public RecordBuilder cacheStatus(String value) { cacheStatus = value; return this; }
    public RecordBuilder fallbackFrom(String value) { fallbackFrom = value; return this; }
    public RecordBuilder rateLimit(String value) { rateLimit = value; return this; }
    public RecordBuilder traceId(String value) { traceId = value; return this; }
    public RecordBuilder transportFailure(String value) { transportFailure = value; return this; }
    public RecordBuilder pool(String value) { pool = value; poolSet = true; return this; }
    public RecordBuilder upstreamMicros(long value) { upstreamMicros = value; return this; }
    public RecordBuilder firstTokenMicros(long value) { firstTokenMicros = value; return this; }

    public AccessRecord build() {
        return new AccessRecord(requestId, traceId, start, method, path, "gateway.local", "10.1.2.3", userAgent,
                route, poolSet ? pool : "pool-" + route, upstreamHost, status, details, durationMicros * 1_000,
                upstreamMicros < 0 ? -1 : upstreamMicros * 1_000, 512, 2_048,
                "chat_completions", model, consumer, inputTokens, outputTokens, false,
                firstTokenMicros < 0 ? -1 : firstTokenMicros * 1_000,
                durationMicros * 1_000, responseType, cacheStatus, fallbackFrom, "pass", rateLimit, "HTTP/1.1",
                15_000, 2_000_000, transportFailure, "10.0.0.9:41000", "198.51.100.4", "10.0.0.9:8080",
                "10.1.2.3:53012");
    }
}
