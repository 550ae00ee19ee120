package dev.gatehouse.ui.logs;

import dev.gatehouse.engine.accesslog.AccessRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Varied, reproducible access records for the explorer's tests and screenshots: three models,
 * four consumers, mostly 200 with 4xx and 5xx mixed in, streams and not, cache hits, fallbacks.
 * Record {@code i} starts {@code i * spacing} before {@code newest} and has request id {@code req-i}.
 */
final class SampleRecords {

    static final String[] MODELS = {"qwen2.5-72b-instruct", "deepseek-v3", "llama-3.1-8b-instruct"};
    static final String[] CONSUMERS = {"team-search", "team-chatbot", "batch-jobs", "mobile-app"};
    static final String[] ROUTES = {"chat", "chat-premium", "embeddings"};
    static final int[] STATUSES = {200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 400, 404, 429, 500, 502, 504};

    private SampleRecords() {
    }

    static List<AccessRecord> over(Instant newest, Duration spacing, int count) {
        SplittableRandom random = new SplittableRandom(42);
        List<AccessRecord> records = new ArrayList<>(count);
        for (int i = count - 1; i >= 0; i--) {
            records.add(record(i, newest.minus(spacing.multipliedBy(i)), random));
        }
        return records;
    }

    static AccessRecord record(int i, Instant start, SplittableRandom random) {
        String model = MODELS[random.nextInt(MODELS.length)];
        String consumer = CONSUMERS[random.nextInt(CONSUMERS.length)];
        String route = model.startsWith("qwen") ? "chat-premium" : ROUTES[random.nextInt(2) * 2];
        int status = STATUSES[random.nextInt(STATUSES.length)];
        boolean stream = random.nextBoolean();
        long durationMicros = 40_000 + random.nextInt(2_500_000);
        String host = "10.0.0." + (1 + random.nextInt(3)) + ":8000";
        String details = status == 429 ? "rate_limit_exceeded" : status >= 500 ? "upstream_reset" : "via_upstream";
        long in = status == 200 ? 20 + random.nextInt(3_000) : 0;
        long out = status == 200 ? random.nextInt(900) : 0;
        return new AccessRecord("req-" + i, String.format("%032x", 1_000_000L + i / 2), start, "POST",
                "/v1/chat/completions", "gateway.example.com", "10.20.0." + (1 + i % 200), "OpenAI/Python 1.52.0",
                route, "pool-" + route, host, status, details, durationMicros * 1_000, durationMicros * 800,
                300 + random.nextInt(4_000), 500 + random.nextInt(9_000), "chat_completions", model, consumer, in, out,
                false, stream ? durationMicros * 150 : -1, durationMicros * 1_000, stream ? "stream" : "normal",
                random.nextInt(8) == 0 ? "hit" : "miss", random.nextInt(20) == 0 ? "pool-backup" : null, "pass",
                status == 429 ? "consumer_tokens_per_minute" : "pass", "HTTP/1.1", 15_000,
                durationMicros * 100, status >= 502 ? "upstream " + host + " closed the connection" : null,
                "192.168.1.5:40000", null, "192.168.1.5:8080", "10.20.0.1:51000");
    }
}
