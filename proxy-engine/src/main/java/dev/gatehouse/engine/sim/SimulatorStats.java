package dev.gatehouse.engine.sim;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a simulator has done so far, for tests and {@code /metrics}. Counters only grow; they are
 * safe to read from any thread.
 */
public final class SimulatorStats {

    /** Upper bounds of the time-to-first-token histogram buckets, seconds (vLLM's own buckets). */
    static final double[] TTFT_BUCKETS = {
        0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0,
    };

    private final LongAdder connectionsAccepted = new LongAdder();
    private final LongAdder requestsReceived = new LongAdder();
    private final LongAdder requestsCompleted = new LongAdder();
    private final LongAdder errorsInjected = new LongAdder();
    private final LongAdder hangsInjected = new LongAdder();
    private final LongAdder promptTokens = new LongAdder();
    private final LongAdder generationTokens = new LongAdder();
    private final LongAdder[] ttftBuckets = new LongAdder[TTFT_BUCKETS.length];
    private final LongAdder ttftCount = new LongAdder();
    private final AtomicLong ttftSumMicros = new AtomicLong();

    SimulatorStats() {
        for (int i = 0; i < ttftBuckets.length; i++) {
            ttftBuckets[i] = new LongAdder();
        }
    }

    /** TCP connections accepted: tells a test whether a client reused its keep-alive connections. */
    public long connectionsAccepted() {
        return connectionsAccepted.sum();
    }

    void connectionAccepted() {
        connectionsAccepted.increment();
    }

    /** Completion requests that reached the simulator (well-formed or not). */
    public long requestsReceived() {
        return requestsReceived.sum();
    }

    /** Completion requests answered successfully to their end (all tokens sent). */
    public long requestsCompleted() {
        return requestsCompleted.sum();
    }

    public long errorsInjected() {
        return errorsInjected.sum();
    }

    public long hangsInjected() {
        return hangsInjected.sum();
    }

    public long promptTokens() {
        return promptTokens.sum();
    }

    /** Completion tokens sent to clients, counted as they are written. */
    public long generationTokens() {
        return generationTokens.sum();
    }

    void received() {
        requestsReceived.increment();
    }

    void completed() {
        requestsCompleted.increment();
    }

    void errorInjected() {
        errorsInjected.increment();
    }

    void hangInjected() {
        hangsInjected.increment();
    }

    void prompt(int tokens) {
        promptTokens.add(tokens);
    }

    void generated(int tokens) {
        generationTokens.add(tokens);
    }

    void firstToken(long millis) {
        double seconds = millis / 1000d;
        for (int i = 0; i < TTFT_BUCKETS.length; i++) {
            if (seconds <= TTFT_BUCKETS[i]) {
                ttftBuckets[i].increment();
                break;
            }
        }
        ttftCount.increment();
        ttftSumMicros.addAndGet(millis * 1000);
    }

    /** Cumulative count of first tokens at or below bucket {@code i}, as Prometheus wants it. */
    long ttftCumulative(int i) {
        long sum = 0;
        for (int b = 0; b <= i; b++) {
            sum += ttftBuckets[b].sum();
        }
        return sum;
    }

    long ttftCount() {
        return ttftCount.sum();
    }

    double ttftSumSeconds() {
        return ttftSumMicros.get() / 1_000_000d;
    }
}
