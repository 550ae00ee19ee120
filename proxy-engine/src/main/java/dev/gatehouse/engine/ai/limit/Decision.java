package dev.gatehouse.engine.ai.limit;

/**
 * A limiter's answer for one key. {@code retryAfterMillis} is 0 when allowed, the time until the
 * permits will be there when refused, and {@link #NEVER} when the request alone asks for more
 * than {@code limit} so that waiting cannot help. {@code remaining} is what is left after this
 * request when allowed, what is available now when refused.
 */
public record Decision(boolean allowed, long retryAfterMillis, long remaining, long limit) {

    public static final long NEVER = -1;

    public Decision {
        if (allowed && retryAfterMillis != 0) {
            throw new IllegalArgumentException("an allowed decision has no retry-after");
        }
        if (retryAfterMillis < NEVER) {
            throw new IllegalArgumentException("retryAfterMillis must be >= -1, got " + retryAfterMillis);
        }
    }

    static Decision allow(long remaining, long limit) {
        return new Decision(true, 0, remaining, limit);
    }

    static Decision refuse(long retryAfterMillis, long remaining, long limit) {
        return new Decision(false, retryAfterMillis, remaining, limit);
    }

    /** Whether the request is larger than the limit itself, so retrying it is pointless. */
    public boolean neverFits() {
        return retryAfterMillis == NEVER;
    }
}
