package dev.gatehouse.engine.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * The demo's clients: a few chat completions a second through the gateway, mixed over the demo's
 * models, about a third of them streamed, and a few for a model no route serves (so the screens
 * show errors too). Requests run asynchronously on the JDK's HTTP client; at most
 * {@link #MAX_IN_FLIGHT} at once, so a hanging backend cannot pile them up.
 */
public final class DemoTraffic implements AutoCloseable {

    public static final double DEFAULT_PER_SECOND = 4;
    public static final int MAX_IN_FLIGHT = 32;
    /** Asked for now and then; no route serves it, so the gateway answers 404. */
    public static final String UNKNOWN_MODEL = "gpt-unknown";

    private static final List<String> MODELS = List.of(DemoEnvironment.QWEN, DemoEnvironment.QWEN,
            DemoEnvironment.LLAMA, DemoEnvironment.DEEPSEEK);
    private static final List<String> PROMPTS = List.of("Summarize the quarterly report in three bullets.",
            "Translate 'good morning' into French.", "Write a haiku about GPUs.",
            "Explain consistent hashing to a new engineer.", "What is the capital of Australia?");

    private final URI completions;
    private final HttpClient http;
    private final ScheduledExecutorService ticker;
    private final Random random;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final AtomicLong sent = new AtomicLong();
    private final ConcurrentMap<Integer, AtomicLong> answers = new ConcurrentHashMap<>();

    private DemoTraffic(URI gateway, long seed) {
        this.completions = gateway.resolve("/v1/chat/completions");
        this.random = new Random(seed);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "demo-traffic");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Sends {@link #DEFAULT_PER_SECOND} requests a second to the gateway at {@code gateway} ({@code http://host:port}). */
    public static DemoTraffic start(URI gateway) {
        return start(gateway, DEFAULT_PER_SECOND, System.nanoTime());
    }

    public static DemoTraffic start(URI gateway, double perSecond, long seed) {
        requireNonNull(gateway, "gateway");
        if (!(perSecond > 0 && perSecond <= 1000)) {
            throw new IllegalArgumentException("perSecond must be in (0, 1000], not " + perSecond);
        }
        DemoTraffic traffic = new DemoTraffic(gateway, seed);
        long periodMicros = Math.round(1_000_000 / perSecond);
        traffic.ticker.scheduleAtFixedRate(traffic::sendOne, 0, periodMicros, TimeUnit.MICROSECONDS);
        return traffic;
    }

    private void sendOne() {
        if (!inFlight.tryAcquire()) {
            return; // the gateway is slow to answer: skip a beat rather than queue
        }
        String model = random.nextInt(20) == 0 ? UNKNOWN_MODEL : MODELS.get(random.nextInt(MODELS.size()));
        boolean stream = random.nextInt(3) == 0;
        String prompt = PROMPTS.get(random.nextInt(PROMPTS.size()));
        String body = "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"max_tokens\":" + (16 + random.nextInt(48))
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}";
        HttpRequest request = HttpRequest.newBuilder(completions).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("User-Agent", "gatehouse-demo-traffic")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        sent.incrementAndGet();
        try {
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                inFlight.release();
                int status = failure == null ? response.statusCode() : 0;
                answers.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            });
        } catch (RuntimeException e) {
            inFlight.release();
            answers.computeIfAbsent(0, s -> new AtomicLong()).incrementAndGet();
        }
    }

    /** Requests sent so far. */
    public long sent() {
        return sent.get();
    }

    /** Requests answered with {@code status} so far; status 0 counts those that failed without an answer. */
    public long answered(int status) {
        AtomicLong count = answers.get(status);
        return count == null ? 0 : count.get();
    }

    /** Stops sending; requests in flight finish or fail on their own. */
    @Override
    public void close() {
        ticker.shutdownNow();
        http.shutdownNow();
    }
}
