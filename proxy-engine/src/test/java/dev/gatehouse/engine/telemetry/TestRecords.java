package dev.gatehouse.engine.telemetry;

import dev.gatehouse.engine.accesslog.AccessRecord;

import java.time.Instant;

/** Access records as the server builds them, with only the fields telemetry reads set by a test. */
final class TestRecords {

    private TestRecords() {
    }

    /** A fluent stand-in for the record's thirty fields. */
    static final class Builder {
        String route = "chat";
        String pool = "gpu-a";
        String endpoint = "10.0.0.1:8000";
        String model = "qwen";
        String consumer = "alice";
        int status = 200;
        String details = "via_upstream";
        long durationMillis = 100;
        long upstreamMillis = 20;
        long firstTokenMillis = -1;
        long inputTokens = 10;
        long outputTokens = 5;
        String cacheStatus;
        String fallbackFrom;
        String ratelimit = "pass";

        Builder route(String v) { route = v; return this; }
        Builder pool(String v) { pool = v; return this; }
        Builder endpoint(String v) { endpoint = v; return this; }
        Builder model(String v) { model = v; return this; }
        Builder consumer(String v) { consumer = v; return this; }
        Builder status(int code, String why) { status = code; details = why; return this; }
        Builder durationMillis(long v) { durationMillis = v; return this; }
        Builder upstreamMillis(long v) { upstreamMillis = v; return this; }
        Builder firstTokenMillis(long v) { firstTokenMillis = v; return this; }
        Builder tokens(long in, long out) { inputTokens = in; outputTokens = out; return this; }
        Builder cache(String v) { cacheStatus = v; return this; }
        Builder fallbackFrom(String v) { fallbackFrom = v; return this; }

        AccessRecord build() {
            long millis = 1_000_000;
            return new AccessRecord("req-1", "trace-1", Instant.parse("2026-11-25T12:00:00Z"), "POST",
                    "/v1/chat/completions", "gw.local", "127.0.0.1", "test", route, pool, endpoint, status, details,
                    durationMillis * millis, upstreamMillis < 0 ? -1 : upstreamMillis * millis, 300, 900,
                    model == null ? null : "chat.completions", model, consumer, inputTokens, outputTokens, false,
                    firstTokenMillis < 0 ? -1 : firstTokenMillis * millis, durationMillis * millis,
                    firstTokenMillis < 0 ? "normal" : "stream", cacheStatus, fallbackFrom, null, ratelimit);
        }
    }

    static Builder request() {
        return new Builder();
    }
}
