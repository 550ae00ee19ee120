package dev.gatehouse.engine.accesslog.query;

import dev.gatehouse.engine.accesslog.AccessRecord;
import dev.gatehouse.engine.accesslog.store.AccessLogStore;
import dev.gatehouse.engine.testing.RecordBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.awaitility.Awaitility.await;

/**
 * A few thousand varied records over three hours (seeded, so every run sees the same), written
 * to a store, and kept in memory as the expected answer: tests filter this list in Java and
 * compare with what the store's queries return.
 */
final class LogDataset {

    static final Instant FROM = Instant.parse("2026-11-25T07:00:00Z");
    static final List<String> ROUTES = List.of("chat", "embed", "legacy");
    static final List<String> MODELS = List.of("qwen-72b", "llama-3-70b", "deepseek-v3", "glm-4");
    static final List<String> CONSUMERS = List.of("team-a", "team-b", "team-c", "batch", "ops");
    static final List<String> HOSTS = List.of("10.0.0.1:8000", "10.0.0.2:8000", "10.0.0.3:8000");
    static final int[] STATUSES = {200, 200, 200, 200, 200, 200, 200, 200, 400, 401, 429, 500, 502, 504};

    final List<AccessRecord> records;

    private LogDataset(List<AccessRecord> records) {
        this.records = records;
    }

    /** {@code count} records with distinct start times spread evenly over three hours, arriving in shuffled order. */
    static LogDataset generate(int count, long seed) {
        Random random = new Random(seed);
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            offsets.add(i * (3 * 3_600_000L / count));
        }
        Collections.shuffle(offsets, random);
        List<AccessRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int status = STATUSES[random.nextInt(STATUSES.length)];
            RecordBuilder r = RecordBuilder.record().id("r-" + i).start(FROM.plusMillis(offsets.get(i)))
                    .route(pick(random, ROUTES)).model(pick(random, MODELS)).consumer(pick(random, CONSUMERS))
                    .upstreamHost(pick(random, HOSTS)).status(status)
                    .durationMicros(500 + (long) (Math.exp(random.nextGaussian() * 1.2 + 8)))
                    .tokens(random.nextInt(2_000), random.nextInt(500))
                    .responseType(random.nextBoolean() ? "stream" : "normal")
                    .cacheStatus(random.nextInt(10) == 0 ? "hit" : "miss")
                    .rateLimit(status == 429 ? "consumer_tokens_per_minute" : "pass")
                    .fallbackFrom(random.nextInt(20) == 0 ? "primary" : null)
                    .traceId(Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()))
                    .path(random.nextInt(4) == 0 ? "/v1/embeddings" : "/v1/chat/completions")
                    .userAgent(random.nextInt(3) == 0 ? "curl/8.5.0" : "OpenAI/Python 1.52.0");
            if (status >= 500) {
                r.details(status == 504 ? "upstream_timeout" : "upstream_reset")
                        .transportFailure("upstream " + r.upstreamHost + " closed the connection before answering");
            }
            records.add(r.build());
        }
        return new LogDataset(records);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    void writeTo(AccessLogStore store) {
        long before = store.stats().written();
        records.forEach(store::accept);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.stats().written() == before + records.size());
    }

    /** Request ids of the matching records, newest first, as pages must list them. */
    List<String> newestFirst(java.util.function.Predicate<AccessRecord> filter) {
        return records.stream().filter(filter).sorted(Comparator.comparing(AccessRecord::startTime).reversed())
                .map(AccessRecord::requestId).toList();
    }
}
