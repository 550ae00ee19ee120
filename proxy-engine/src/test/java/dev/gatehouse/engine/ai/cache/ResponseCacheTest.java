package dev.gatehouse.engine.ai.cache;

import dev.gatehouse.engine.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseCacheTest {

    private final MutableClock clock = new MutableClock("2025-05-01T10:00:00Z");
    private final ResponseCache cache = ResponseCache.withDefaults(clock);

    @Test
    void anIdenticalRequestHitsEvenWrittenDifferently() {
        String first = key("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "alice");
        cache.put(first, answer("Hello there"));

        String second = key("{ \"messages\": [ {\"content\":\"hi\", \"role\":\"user\"} ],\n \"model\": \"m\", \"stream\": true }", "alice");

        assertThat(cache.get(second)).hasValueSatisfying(hit -> {
            assertThat(hit.status()).isEqualTo(200);
            assertThat(hit.headers()).containsExactly(Map.entry("content-type", "application/json"));
            assertThat(new String(hit.bodyBytes(), StandardCharsets.UTF_8)).contains("Hello there");
            assertThat(hit.model()).contains("m");
            assertThat(hit.usage()).contains(new CachedAnswer.Usage(9, 2, 11));
        });
    }

    @Test
    void anotherConsumerMisses() {
        String body = "{\"model\":\"m\",\"messages\":[]}";
        cache.put(key(body, "alice"), answer("for alice"));

        assertThat(cache.get(key(body, "bob"))).isEmpty();
        assertThat(cache.get(key(body, null))).isEmpty();
    }

    @Test
    void entriesExpireAfterTheTtl() {
        cache.put("k", answer("soon gone"));

        clock.advance(ResponseCache.DEFAULT_TTL.minusMillis(1));
        assertThat(cache.get("k")).isPresent();

        clock.advance(Duration.ofMillis(1));
        assertThat(cache.get("k")).isEmpty();
        assertThat(cache.size()).isZero();
        assertThat(cache.bytes()).isZero();
    }

    @Test
    void theLeastRecentlyUsedAnswersGoWhenTheBudgetIsExceeded() {
        CachedAnswer answer = answer("x".repeat(1000));
        long entryBytes = sizeOfOneEntry(answer);
        ResponseCache small = new ResponseCache(clock, Duration.ofMinutes(5), entryBytes * 9 / 2);

        for (String key : new String[] {"a", "b", "c", "d"}) {
            small.put(key, answer);
        }
        small.get("a"); // b is now the least recently used
        small.put("e", answer);

        assertThat(small.get("b")).isEmpty();
        for (String key : new String[] {"a", "c", "d", "e"}) {
            assertThat(small.get(key)).as(key).isPresent();
        }
        assertThat(small.bytes()).isEqualTo(4 * entryBytes);
    }

    @Test
    void replacingAnEntryCountsItsBytesOnce() {
        cache.put("k", answer("one"));
        long once = cache.bytes();

        cache.put("k", answer("one"));

        assertThat(cache.bytes()).isEqualTo(once);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void errorsAndOversizedAnswersAreNotKept() {
        cache.put("error", CachedAnswer.fromResponse(429, Map.of("Content-Type", "application/json"),
                "{\"error\":{\"message\":\"slow down\"}}".getBytes(StandardCharsets.UTF_8)));
        ResponseCache tiny = new ResponseCache(clock, Duration.ofMinutes(5), 4096);
        tiny.put("big", answer("y".repeat(2000)));

        assertThat(cache.get("error")).isEmpty();
        assertThat(tiny.get("big")).isEmpty();
    }

    static CachedAnswer answer(String content) {
        String body = """
                {"id":"chatcmpl-1","object":"chat.completion","created":1714557600,"model":"m",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}""".formatted(content);
        return CachedAnswer.fromResponse(200,
                Map.of("Content-Type", "application/json", "Date", "today", "x-request-id", "r1"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private long sizeOfOneEntry(CachedAnswer answer) {
        ResponseCache probe = ResponseCache.withDefaults(clock);
        probe.put("a", answer);
        return probe.bytes();
    }

    private static String key(String body, String consumer) {
        return CacheKeys.of(body.getBytes(StandardCharsets.UTF_8), consumer, "chat").orElseThrow();
    }
}
