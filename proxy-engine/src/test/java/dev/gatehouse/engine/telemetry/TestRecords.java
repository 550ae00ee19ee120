package dev.gatehouse.engine.telemetry;

import dev.gatehouse.engine.accesslog.AccessRecord;
import dev.gatehouse.engine.testing.RecordBuilder;

/** Access records as the server builds them, with only the fields telemetry reads set by a test. */
final class TestRecords {

    private TestRecords() {
    }

    /** Telemetry's view of {@link RecordBuilder}: the fields it reads, in the units its tests think in. */
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
            return RecordBuilder.record().route(route).pool(pool).upstreamHost(endpoint).model(model).consumer(consumer)
                    .status(status).details(details).durationMicros(durationMillis * 1_000)
                    .upstreamMicros(upstreamMillis < 0 ? -1 : upstreamMillis * 1_000)
                    .firstTokenMicros(firstTokenMillis < 0 ? -1 : firstTokenMillis * 1_000)
                    .responseType(firstTokenMillis < 0 ? "normal" : "stream")
                    .tokens(inputTokens, outputTokens).cacheStatus(cacheStatus).fallbackFrom(fallbackFrom)
                    .rateLimit(ratelimit).build();
        }
    }

    static Builder request() {
        return new Builder();
    }
}
