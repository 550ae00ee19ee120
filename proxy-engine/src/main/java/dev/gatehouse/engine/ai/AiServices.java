package dev.gatehouse.engine.ai;

import dev.gatehouse.engine.ai.cache.ResponseCache;
import dev.gatehouse.engine.ai.limit.QuotaLedger;
import dev.gatehouse.engine.ai.limit.RequestLimiter;
import dev.gatehouse.engine.ai.limit.TokenLimiter;
import dev.gatehouse.engine.config.CacheConfig;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The AI state that outlives config snapshots: rate-limit buckets, quotas and response caches.
 * A reload changes limits and policies, not how much a consumer has already used. Swapping the
 * local limiter for a cluster one (Redis) happens here, not on the request path.
 */
public final class AiServices {

    private final Clock clock;
    private final LongSupplier nanos;
    private final RequestLimiter limiter;
    private final Map<String, CacheSlot> caches = new ConcurrentHashMap<>();

    public AiServices(Clock clock, LongSupplier nanos, TokenLimiter tokens, QuotaLedger quotas) {
        this.clock = clock;
        this.nanos = nanos;
        this.limiter = new RequestLimiter(tokens, quotas);
    }

    public static AiServices local() {
        return new AiServices(Clock.systemUTC(), System::nanoTime, TokenLimiter.local(System::nanoTime),
                QuotaLedger.local(Clock.systemUTC()));
    }

    public RequestLimiter limiter() {
        return limiter;
    }

    public LongSupplier nanos() {
        return nanos;
    }

    /** The route's cache, kept across reloads while its settings stay the same. */
    ResponseCache cacheFor(String route, CacheConfig config) {
        return caches.compute(route, (name, slot) -> slot != null && slot.config().equals(config)
                ? slot : new CacheSlot(config, new ResponseCache(clock, config.ttl(), config.maxBytes()))).cache();
    }

    private record CacheSlot(CacheConfig config, ResponseCache cache) {
    }
}
