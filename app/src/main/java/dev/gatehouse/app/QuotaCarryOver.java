package dev.gatehouse.app;

import dev.gatehouse.engine.accesslog.query.AccessLogQueries;
import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.engine.accesslog.query.TopDimension;
import dev.gatehouse.engine.accesslog.query.TopEntry;
import dev.gatehouse.engine.accesslog.query.TopOrder;
import dev.gatehouse.engine.ai.limit.QuotaUsage;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads back from the access log the tokens each consumer used earlier in the current UTC day and
 * month, so that a restarted gateway keeps counting their quotas where the last run left off.
 */
final class QuotaCarryOver {

    /** More consumers than any config holds; the rollup answers in one pass either way. */
    private static final int ALL = 1_000_000;

    private QuotaCarryOver() {
    }

    /** Each consumer's tokens from the start of this UTC month (and day) until {@code until}. */
    static List<QuotaUsage> read(AccessLogQueries log, Instant until) throws SQLException {
        LocalDate today = LocalDate.ofInstant(until, ZoneOffset.UTC);
        long dayStart = today.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long monthStart = today.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        Map<String, Long> month = tokens(log, monthStart, until.toEpochMilli());
        Map<String, Long> day = tokens(log, dayStart, until.toEpochMilli());
        List<QuotaUsage> usage = new ArrayList<>();
        month.forEach((consumer, tokens) -> {
            if (tokens > 0) {
                usage.add(new QuotaUsage(consumer, Math.min(tokens, day.getOrDefault(consumer, 0L)), tokens));
            }
        });
        return usage;
    }

    /** Tokens charged per consumer: a cache hit's record carries the cached usage, but the quota was not charged for it. */
    private static Map<String, Long> tokens(AccessLogQueries log, long from, long to) throws SQLException {
        Map<String, Long> charged = sum(log.top(LogQuery.builder().between(from, to).build(), TopDimension.CONSUMER,
                TopOrder.TOKENS, ALL));
        sum(log.top(LogQuery.builder().between(from, to).cacheStatus("hit").build(), TopDimension.CONSUMER,
                TopOrder.TOKENS, ALL)).forEach((consumer, cached) -> charged.merge(consumer, -cached, Long::sum));
        return charged;
    }

    private static Map<String, Long> sum(List<TopEntry> consumers) {
        return consumers.stream().collect(Collectors.toMap(TopEntry::name, e -> e.inputTokens() + e.outputTokens(),
                Long::sum, HashMap::new));
    }
}
