package dev.gatehouse.engine.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallLimiterTest {

    private final MutableClock clock = new MutableClock("2026-11-25T12:00:00Z");

    @Test
    void twentyLookupsAMinuteAndNoMoreInAnySlidingMinute() {
        CallLimiter limiter = CallLimiter.hostEndpoints(clock);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire()).isTrue();
        }
        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire()).isTrue();
        }
        assertThat(limiter.tryAcquire()).isFalse();
        assertThat(limiter.untilNextPermit()).isEqualTo(Duration.ofSeconds(30));

        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire()).as("the first ten have left the window").isTrue();
        }
        assertThat(limiter.tryAcquire()).isFalse();
    }

    @Test
    void accountLimitIsTwoThousand() {
        CallLimiter limiter = new CallLimiter(CallLimiter.HOST_ENDPOINTS_PER_MINUTE_ACCOUNT, Duration.ofMinutes(1), clock);
        int granted = 0;
        while (limiter.tryAcquire()) {
            granted++;
        }
        assertThat(granted).isEqualTo(2_000);
    }
}
