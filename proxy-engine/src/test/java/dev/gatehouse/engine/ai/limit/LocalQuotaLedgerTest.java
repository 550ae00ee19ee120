package dev.gatehouse.engine.ai.limit;

import dev.gatehouse.engine.testing.MutableClock;
import dev.gatehouse.engine.ai.auth.ConsumerLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LocalQuotaLedgerTest {

    private static final ConsumerLimits DAY_1000 = new ConsumerLimits(null, null, 1000L, null);
    private static final ConsumerLimits MONTH_5000 = new ConsumerLimits(null, null, null, 5000L);

    private final MutableClock clock = new MutableClock("2025-03-14T23:00:00Z");
    private final QuotaLedger ledger = QuotaLedger.local(clock);

    @Test
    void aSpentDayQuotaRefusesUntilUtcMidnight() {
        ledger.record("alice", 990);
        assertThat(check("alice", DAY_1000, 10).passed()).isTrue();

        LimitVerdict refused = check("alice", DAY_1000, 11);

        assertThat(refused.logValue()).isEqualTo("quota:day");
        assertThat(refused.retryAfterMillis()).isEqualTo(Duration.ofHours(1).toMillis());
        assertThat(refused.remaining()).isEqualTo(10);
        assertThat(check("bob", DAY_1000, 11).passed()).isTrue();

        clock.set("2025-03-14T23:59:59.999Z");
        assertThat(check("alice", DAY_1000, 11).retryAfterMillis()).isEqualTo(1);

        clock.set("2025-03-15T00:00:00Z");
        assertThat(check("alice", DAY_1000, 1000).passed()).isTrue();
    }

    @Test
    void theMonthQuotaCountsEveryDayOfTheMonthAndResetsOnTheFirst() {
        for (int day = 1; day <= 28; day++) {
            clock.set("2025-02-%02dT12:00:00Z".formatted(day));
            ledger.record("alice", 178); // 4984 by the end of February
        }
        clock.set("2025-02-28T23:59:59Z");

        LimitVerdict refused = check("alice", MONTH_5000, 17);

        assertThat(refused.logValue()).isEqualTo("quota:month");
        assertThat(refused.retryAfterMillis()).isEqualTo(1000);
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(check("alice", MONTH_5000, 5000).passed()).isTrue();
    }

    @Test
    void usageCarriedOverFromAnEarlierRunCountsWithWhatIsRecordedNow() {
        ConsumerLimits both = new ConsumerLimits(null, null, 1000L, 1500L);
        ledger.record("alice", 100);

        ledger.carryOver(new QuotaUsage("alice", 800, 1300));

        assertThat(check("alice", both, 100).passed()).isTrue();
        assertThat(check("alice", both, 101).logValue()).isEqualTo("quota:day");
        clock.advance(Duration.ofHours(2)); // the 15th: the day starts over, the month does not
        assertThat(check("alice", both, 100).passed()).isTrue();
        assertThat(check("alice", both, 101).logValue()).isEqualTo("quota:month");
    }

    @Test
    void theDayResetsWhileTheMonthKeepsCounting() {
        ConsumerLimits both = new ConsumerLimits(null, null, 1000L, 1500L);
        ledger.record("alice", 1000);
        assertThat(check("alice", both, 1).logValue()).isEqualTo("quota:day");

        clock.advance(Duration.ofHours(2)); // the 15th

        assertThat(check("alice", both, 500).passed()).isTrue();
        LimitVerdict month = check("alice", both, 501);
        assertThat(month.logValue()).isEqualTo("quota:month");
        assertThat(month.retryAfterMillis()).isEqualTo(Duration.ofDays(17).minusHours(1).toMillis());
    }

    @Test
    void aRequestLargerThanTheWholeQuotaNeverFits() {
        LimitVerdict verdict = check("alice", DAY_1000, 1001);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.retryAfterSeconds()).isEqualTo(-1);
    }

    private LimitVerdict check(String consumer, ConsumerLimits limits, long estimate) {
        return ledger.check(consumer, limits, estimate).toCompletableFuture().join();
    }
}
