package dev.gatehouse.engine.ai.limit;

/**
 * Whether a request may go on after all its rate limits and quotas, and if not, which one refused
 * it ({@code refusedBy}, null when it passed) and when to retry ({@link Decision#NEVER} if never).
 * {@code remaining} and {@code limit} describe the refusing limit, or the tightest one on a pass
 * ({@code Long.MAX_VALUE} when nothing limits the request).
 */
public record LimitVerdict(LimitCheck refusedBy, long retryAfterMillis, long remaining, long limit) {

    private static final LimitVerdict UNLIMITED = new LimitVerdict(null, 0, Long.MAX_VALUE, Long.MAX_VALUE);

    public static LimitVerdict pass() {
        return UNLIMITED;
    }

    static LimitVerdict pass(long remaining, long limit) {
        return new LimitVerdict(null, 0, remaining, limit);
    }

    static LimitVerdict refused(LimitCheck check, Decision decision) {
        return new LimitVerdict(check, decision.retryAfterMillis(), decision.remaining(), decision.limit());
    }

    public boolean passed() {
        return refusedBy == null;
    }

    /** The access log's {@code token_ratelimit_status}: {@code pass}, {@code limited:consumer_tpm}, {@code quota:day}, … */
    public String logValue() {
        return refusedBy == null ? "pass" : refusedBy.logValue();
    }

    /** For a {@code Retry-After} header: whole seconds rounded up, or -1 when retrying cannot help. */
    public long retryAfterSeconds() {
        return retryAfterMillis < 0 ? -1 : (retryAfterMillis + 999) / 1000;
    }
}
