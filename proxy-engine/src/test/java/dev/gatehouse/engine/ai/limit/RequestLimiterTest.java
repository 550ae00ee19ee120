package dev.gatehouse.engine.ai.limit;

import dev.gatehouse.engine.testing.MutableClock;
import dev.gatehouse.engine.ai.auth.Consumer;
import dev.gatehouse.engine.ai.auth.ConsumerLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLimiterTest {

    private final FakeNanos ticker = new FakeNanos();
    private final MutableClock clock = new MutableClock("2025-06-30T12:00:00Z");
    private final RequestLimiter limits = new RequestLimiter(TokenLimiter.local(ticker), QuotaLedger.local(clock));

    private final Consumer alice = consumer("alice", new ConsumerLimits(null, 1000L, null, null));
    private final Consumer bob = consumer("bob", new ConsumerLimits(null, 1000L, null, null));

    @Test
    void aConsumerOverTheirTokensPerMinuteIsRefusedWhileAnotherIsNot() {
        Admission first = admit(alice, RouteLimits.unlimited(), 200);
        assertThat(first.verdict().logValue()).isEqualTo("pass");
        first.complete(1100); // 200 in, 900 out: 100 over the minute's tokens

        Admission second = admit(alice, RouteLimits.unlimited(), 200);

        assertThat(second.admitted()).isFalse();
        assertThat(second.verdict().logValue()).isEqualTo("limited:consumer_tpm");
        // 100 overdrawn plus 200 wanted, at 1000 per minute: 18 s.
        assertThat(second.verdict().retryAfterSeconds()).isEqualTo(18);
        assertThat(admit(bob, RouteLimits.unlimited(), 200).admitted()).isTrue();

        ticker.advance(Duration.ofSeconds(18));
        assertThat(admit(alice, RouteLimits.unlimited(), 200).admitted()).isTrue();
    }

    @Test
    void aRouteLimitHoldsForAllConsumersTogether() {
        RouteLimits twoPerMinute = new RouteLimits(2L, null);
        assertThat(admit(alice, twoPerMinute, 1).admitted()).isTrue();
        assertThat(admit(bob, twoPerMinute, 1).admitted()).isTrue();

        Admission third = admit(null, twoPerMinute, 1);

        assertThat(third.verdict().logValue()).isEqualTo("limited:route_rpm");
        assertThat(third.verdict().retryAfterMillis()).isEqualTo(30_000);
    }

    @Test
    void aLaterRefusalGivesBackWhatEarlierLimitsGranted() {
        Consumer carol = consumer("carol", new ConsumerLimits(1L, 1000L, null, null));
        RouteLimits routeTpm = new RouteLimits(null, 100L);

        Admission refused = admit(carol, routeTpm, 500);

        assertThat(refused.verdict().logValue()).isEqualTo("limited:route_tpm");
        assertThat(refused.verdict().retryAfterSeconds()).isEqualTo(-1);
        // The consumer's one request per minute and its 500 tokens were not used up.
        Admission next = admit(carol, RouteLimits.unlimited(), 1000);
        assertThat(next.admitted()).isTrue();
    }

    @Test
    void completionCountsTheRealTokensAgainstTheDayQuota() {
        Consumer dave = consumer("dave", new ConsumerLimits(null, null, 1000L, null));
        admit(dave, RouteLimits.unlimited(), 100).complete(950);

        Admission refused = admit(dave, RouteLimits.unlimited(), 100);

        assertThat(refused.verdict().logValue()).isEqualTo("quota:day");
        assertThat(refused.verdict().retryAfterSeconds()).isEqualTo(Duration.ofHours(12).toSeconds());
        assertThat(admit(dave, RouteLimits.unlimited(), 50).admitted()).isTrue();
    }

    @Test
    void completingTwiceCountsOnce() {
        Admission admission = admit(alice, RouteLimits.unlimited(), 100);
        admission.complete(600);
        admission.complete(600);

        assertThat(admit(alice, RouteLimits.unlimited(), 400)).extracting(Admission::admitted).isEqualTo(true);
    }

    @Test
    void nothingConfiguredMeansPass() {
        Admission admission = admit(null, RouteLimits.unlimited(), 1_000_000);

        assertThat(admission.verdict()).isEqualTo(LimitVerdict.pass());
        assertThat(admission.verdict().logValue()).isEqualTo("pass");
    }

    private Admission admit(Consumer consumer, RouteLimits route, long estimate) {
        return limits.admit(consumer, "chat", route, estimate).toCompletableFuture().join();
    }

    private static Consumer consumer(String name, ConsumerLimits limits) {
        return new Consumer(name, List.of(), Set.of(), limits);
    }
}
