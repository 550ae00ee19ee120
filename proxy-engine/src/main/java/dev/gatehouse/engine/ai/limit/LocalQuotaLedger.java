package dev.gatehouse.engine.ai.limit;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.engine.ai.auth.ConsumerLimits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token totals per consumer for the current UTC day and month, in memory. Updates go through
 * {@link ConcurrentHashMap#merge}, whose per-bin lock is held only for the addition; checks read
 * without locking. One entry per consumer that made a request, so memory follows the config.
 */
final class LocalQuotaLedger implements QuotaLedger {

    private final Map<String, Usage> usage = new ConcurrentHashMap<>();
    private final Clock clock;

    LocalQuotaLedger(Clock clock) {
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public CompletionStage<LimitVerdict> check(String consumer, ConsumerLimits limits, long estimatedTokens) {
        requireNonNull(consumer, "consumer");
        requireNonNull(limits, "limits");
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Usage used = usage.getOrDefault(consumer, Usage.NONE).rolledTo(today);
        long estimate = Math.max(0, estimatedTokens);
        LimitVerdict verdict = LimitVerdict.pass();
        if (limits.tokensPerDay() != null) {
            verdict = verdict(LimitCheck.QUOTA_DAY, used.dayTokens, estimate, limits.tokensPerDay(),
                    now, today.plusDays(1), verdict);
        }
        if (verdict.passed() && limits.tokensPerMonth() != null) {
            verdict = verdict(LimitCheck.QUOTA_MONTH, used.monthTokens, estimate, limits.tokensPerMonth(),
                    now, today.withDayOfMonth(1).plusMonths(1), verdict);
        }
        return CompletableFuture.completedFuture(verdict);
    }

    @Override
    public void record(String consumer, long tokens) {
        requireNonNull(consumer, "consumer");
        if (tokens <= 0) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        usage.merge(consumer, new Usage(today, tokens, tokens),
                (old, added) -> old.rolledTo(today).plus(added.dayTokens));
    }

    @Override
    public void carryOver(QuotaUsage earlier) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        usage.merge(earlier.consumer(), new Usage(today, earlier.dayTokens(), earlier.monthTokens()),
                (old, added) -> old.rolledTo(today).plus(added));
    }

    private static LimitVerdict verdict(LimitCheck check, long used, long estimate, long quota,
                                        Instant now, LocalDate reset, LimitVerdict passSoFar) {
        long remaining = Math.max(0, quota - used);
        if (used + estimate <= quota) {
            long after = remaining - estimate;
            return passSoFar.remaining() <= after ? passSoFar : LimitVerdict.pass(after, quota);
        }
        Instant resetAt = reset.atStartOfDay(ZoneOffset.UTC).toInstant();
        long waitMillis = Math.max(1, Duration.between(now, resetAt).toMillis());
        return LimitVerdict.refused(check, Decision.refuse(estimate > quota ? Decision.NEVER : waitMillis, remaining, quota));
    }

    /** Totals of the day and month that {@code day} is in. */
    private record Usage(LocalDate day, long dayTokens, long monthTokens) {

        static final Usage NONE = new Usage(LocalDate.MIN, 0, 0);

        Usage rolledTo(LocalDate today) {
            if (day.equals(today)) {
                return this;
            }
            boolean sameMonth = day.getYear() == today.getYear() && day.getMonth() == today.getMonth();
            return new Usage(today, 0, sameMonth ? monthTokens : 0);
        }

        Usage plus(long tokens) {
            return new Usage(day, dayTokens + tokens, monthTokens + tokens);
        }

        Usage plus(Usage other) {
            return new Usage(day, dayTokens + other.dayTokens, monthTokens + other.monthTokens);
        }
    }
}
