package dev.gatehouse.engine.ai.limit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LocalTokenLimiterTest {

    private static final Rate TPM_1000 = Rate.perMinute(1000);

    private final FakeNanos ticker = new FakeNanos();
    private final LocalTokenLimiter limiter = new LocalTokenLimiter(ticker, TimeUnit.SECONDS.toNanos(30));

    @Test
    void aKeyOverItsLimitIsRefusedWithTheTimeUntilItFitsWhileOtherKeysAreNot() {
        assertThat(limiter.acquire("consumer:alice#tpm", TPM_1000, 800)).isEqualTo(Decision.allow(200, 1000));

        Decision refused = limiter.acquire("consumer:alice#tpm", TPM_1000, 500);

        assertThat(refused.allowed()).isFalse();
        // 300 tokens short at 1000 per minute: 18 seconds.
        assertThat(refused.retryAfterMillis()).isEqualTo(18_000);
        assertThat(refused.remaining()).isEqualTo(200);
        assertThat(limiter.acquire("consumer:bob#tpm", TPM_1000, 500).allowed()).isTrue();
    }

    @Test
    void tokensRefillWithElapsedTime() {
        limiter.acquire("k", TPM_1000, 1000);
        assertThat(limiter.acquire("k", TPM_1000, 1).allowed()).isFalse();

        ticker.advance(Duration.ofSeconds(6)); // 100 tokens

        assertThat(limiter.acquire("k", TPM_1000, 100)).isEqualTo(Decision.allow(0, 1000));
        assertThat(limiter.acquire("k", TPM_1000, 1).allowed()).isFalse();

        ticker.advance(Duration.ofMinutes(5)); // never more than a full bucket
        assertThat(limiter.acquire("k", TPM_1000, 1000).allowed()).isTrue();
        assertThat(limiter.acquire("k", TPM_1000, 1).allowed()).isFalse();
    }

    @Test
    void settlingMoreThanReservedPushesTheNextRequestOut() {
        limiter.acquire("k", TPM_1000, 100);  // estimated input
        limiter.settle("k", TPM_1000, 100, 1500); // input + a long output: 500 tokens overdrawn

        Decision next = limiter.acquire("k", TPM_1000, 1);

        assertThat(next.allowed()).isFalse();
        assertThat(next.remaining()).isZero();
        // Back to zero after 500 tokens' worth (30 s), plus one token (60 ms).
        assertThat(next.retryAfterMillis()).isEqualTo(30_060);

        ticker.advance(Duration.ofMillis(30_060));
        assertThat(limiter.acquire("k", TPM_1000, 1).allowed()).isTrue();
    }

    @Test
    void settlingLessThanReservedGivesTokensBackButNeverBeyondFull() {
        limiter.acquire("k", TPM_1000, 900);
        limiter.settle("k", TPM_1000, 900, 300);

        assertThat(limiter.acquire("k", TPM_1000, 700)).isEqualTo(Decision.allow(0, 1000));

        limiter.settle("other", TPM_1000, 500, 0);
        assertThat(limiter.acquire("other", TPM_1000, 1001).neverFits()).isTrue();
        assertThat(limiter.acquire("other", TPM_1000, 1000).allowed()).isTrue();
    }

    @Test
    void aRequestLargerThanTheLimitCanNeverFit() {
        Decision decision = limiter.acquire("k", TPM_1000, 1001);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.neverFits()).isTrue();
        assertThat(limiter.acquire("k", TPM_1000, 1000).allowed()).isTrue(); // took nothing
    }

    @Test
    void idleKeysAreForgottenWithoutChangingAnyAnswer() {
        limiter.acquire("idle", TPM_1000, 1000);
        limiter.acquire("busy", TPM_1000, 1);
        ticker.advance(Duration.ofSeconds(61));
        limiter.acquire("busy", TPM_1000, 1000);

        assertThat(limiter.trackedKeys()).isEqualTo(1);
        assertThat(limiter.acquire("idle", TPM_1000, 1000).allowed()).isTrue();
        assertThat(limiter.acquire("busy", TPM_1000, 1).allowed()).isFalse();
    }

    @Test
    void theAsyncFaceCompletesAtOnce() {
        var stage = TokenLimiter.local(ticker).tryAcquire("k", Rate.perMinute(1), 1).toCompletableFuture();

        assertThat(stage).isCompletedWithValue(Decision.allow(0, 1));
    }

    @Test
    void concurrentAcquiresAllowExactlyTheLimit() throws Exception {
        Rate rate = Rate.perMinute(5_000);
        int threads = 4;
        int perThread = 10_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                counts.add(pool.submit(() -> {
                    start.await();
                    int allowed = 0;
                    for (int i = 0; i < perThread; i++) {
                        if (limiter.acquire("route:chat#rpm", rate, 1).allowed()) {
                            allowed++;
                        }
                    }
                    return allowed;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> count : counts) {
                total += count.get(30, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(5_000);
        } finally {
            pool.shutdownNow();
        }
    }
}
