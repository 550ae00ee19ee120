package dev.gatehouse.engine.ai.limit;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.engine.ai.auth.Consumer;
import dev.gatehouse.engine.ai.auth.ConsumerLimits;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Runs a request past its consumer's quotas and rate limits and its route's rate limits, in the
 * order of {@link LimitCheck}, stopping at the first refusal. Requests per minute take one permit;
 * tokens per minute reserve the estimated input tokens (at least one) and are settled with the
 * real input plus output tokens by {@link Admission#complete}.
 *
 * <p>Bucket keys are {@code consumer:NAME#rpm}, {@code consumer:NAME#tpm}, {@code route:NAME#rpm}
 * and {@code route:NAME#tpm}. An anonymous request (a route without authentication) meets only
 * its route's limits.
 */
public final class RequestLimiter {

    private final TokenLimiter limiter;
    private final QuotaLedger quotas;

    public RequestLimiter(TokenLimiter limiter, QuotaLedger quotas) {
        this.limiter = requireNonNull(limiter, "limiter");
        this.quotas = requireNonNull(quotas, "quotas");
    }

    /** Adds a consumer's earlier usage in this day and month to the quota ledger (see {@link QuotaLedger#carryOver}). */
    public void carryOver(QuotaUsage usage) {
        quotas.carryOver(usage);
    }

    /**
     * Decides whether the request may go on. With local limiters the stage is already complete;
     * the caller reads {@link Admission#verdict()} and, when admitted, completes it at the end.
     */
    public CompletionStage<Admission> admit(Consumer consumer, String route, RouteLimits routeLimits,
                                            long estimatedInputTokens) {
        requireNonNull(route, "route");
        requireNonNull(routeLimits, "routeLimits");
        long reserve = Math.max(1, estimatedInputTokens);
        ConsumerLimits limits = consumer == null ? ConsumerLimits.unlimited() : consumer.limits();
        String name = consumer == null ? null : consumer.name();
        Admission admission = new Admission(limiter, quotas, name, reserve);
        List<Admission.Step> steps = steps(name, limits, route, routeLimits, reserve);

        if (name == null || (limits.tokensPerDay() == null && limits.tokensPerMonth() == null)) {
            return acquire(steps, 0, admission);
        }
        return quotas.check(name, limits, reserve).thenCompose(quota -> {
            if (!quota.passed()) {
                admission.refuse(quota);
                return CompletableFuture.completedFuture(admission);
            }
            return acquire(steps, 0, admission);
        });
    }

    private CompletionStage<Admission> acquire(List<Admission.Step> steps, int index, Admission admission) {
        if (index == steps.size()) {
            return CompletableFuture.completedFuture(admission);
        }
        Admission.Step step = steps.get(index);
        return limiter.tryAcquire(step.key(), step.rate(), step.permits()).thenCompose(decision -> {
            if (!decision.allowed()) {
                admission.refuse(LimitVerdict.refused(step.check(), decision));
                return CompletableFuture.completedFuture(admission);
            }
            admission.held(step, decision);
            return acquire(steps, index + 1, admission);
        });
    }

    private static List<Admission.Step> steps(String consumer, ConsumerLimits limits, String route,
                                              RouteLimits routeLimits, long reserve) {
        List<Admission.Step> steps = new ArrayList<>(4);
        if (consumer != null && limits.requestsPerMinute() != null) {
            steps.add(new Admission.Step(LimitCheck.CONSUMER_RPM, "consumer:" + consumer + "#rpm",
                    Rate.perMinute(limits.requestsPerMinute()), 1, false));
        }
        if (routeLimits.requestsPerMinute() != null) {
            steps.add(new Admission.Step(LimitCheck.ROUTE_RPM, "route:" + route + "#rpm",
                    Rate.perMinute(routeLimits.requestsPerMinute()), 1, false));
        }
        if (consumer != null && limits.tokensPerMinute() != null) {
            steps.add(new Admission.Step(LimitCheck.CONSUMER_TPM, "consumer:" + consumer + "#tpm",
                    Rate.perMinute(limits.tokensPerMinute()), reserve, true));
        }
        if (routeLimits.tokensPerMinute() != null) {
            steps.add(new Admission.Step(LimitCheck.ROUTE_TPM, "route:" + route + "#tpm",
                    Rate.perMinute(routeLimits.tokensPerMinute()), reserve, true));
        }
        return steps;
    }
}
