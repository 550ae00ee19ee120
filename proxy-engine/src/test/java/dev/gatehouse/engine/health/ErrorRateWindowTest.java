package dev.gatehouse.engine.health;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorRateWindowTest {

    private final FakeTicker ticker = new FakeTicker();
    private final ErrorRateWindow window = new ErrorRateWindow(Duration.ofMinutes(5), ticker);

    @Test
    void errorRateIsFailuresOverAllOutcomes() {
        window.record(false);
        window.record(true);
        window.record(true);
        window.record(true);

        assertThat(window.total()).isEqualTo(4);
        assertThat(window.errorRate()).isEqualTo(0.25);
    }

    @Test
    void emptyWindowHasNoErrors() {
        assertThat(window.total()).isZero();
        assertThat(window.errorRate()).isZero();
    }

    @ParameterizedTest(name = "{0} s after recording, {1} outcomes remain")
    @CsvSource({"0, 2", "269, 2", "300, 0", "600, 0"})
    void outcomesOlderThanTheWindowAreForgotten(long secondsLater, long remaining) {
        window.record(false);
        window.record(false);

        ticker.advance(Duration.ofSeconds(secondsLater));

        assertThat(window.total()).isEqualTo(remaining);
    }

    @Test
    void bucketReusedAfterAFullWindowStartsFromZero() {
        window.record(false);
        ticker.advance(Duration.ofMinutes(5)); // same bucket index, next lap

        window.record(true);

        assertThat(window.counts()).isEqualTo(new ErrorRateWindow.Counts(1, 0));
    }

    @Test
    void resetForgetsEverything() {
        window.record(false);
        window.record(true);

        window.reset();

        assertThat(window.total()).isZero();
    }

    @Test
    void concurrentRecordsFromManyThreadsAreAllCounted() throws InterruptedException {
        int threads = 8;
        int perThread = 10_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            boolean success = t % 2 == 0;
            workers.add(Thread.ofPlatform().start(() -> {
                awaitQuietly(start);
                for (int i = 0; i < perThread; i++) {
                    window.record(success);
                }
            }));
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }

        assertThat(window.counts()).isEqualTo(new ErrorRateWindow.Counts(40_000, 40_000));
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
