package dev.gatehouse.engine.ai.cache;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Answers to identical non-streamed requests, kept for a TTL (5 minutes by default, seed 001
 * §4.2) within a budget of bytes, least recently used evicted first. Keys come from
 * {@link CacheKeys#of}. Safe from any thread: gets and puts are map operations; eviction runs on
 * the put that crosses the budget and is skipped, not waited for, while another thread evicts.
 */
public final class ResponseCache {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    /** Eviction frees down to this share of the budget, so it does not run again on the next put. */
    private static final double LOW_WATER = 0.9;
    /** Map entry, key string and object headers, roughly; keeps tiny answers from being free. */
    private static final int ENTRY_OVERHEAD = 256;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong uses = new AtomicLong();
    private final ReentrantLock evicting = new ReentrantLock();
    private final Clock clock;
    private final long ttlMillis;
    private final long maxBytes;

    public ResponseCache(Clock clock, Duration ttl, long maxBytes) {
        this.clock = requireNonNull(clock, "clock");
        requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, got " + ttl);
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        this.ttlMillis = ttl.toMillis();
        this.maxBytes = maxBytes;
    }

    public static ResponseCache withDefaults(Clock clock) {
        return new ResponseCache(clock, DEFAULT_TTL, DEFAULT_MAX_BYTES);
    }

    /** The answer stored under {@code key} if it has not expired. */
    public Optional<CachedAnswer> get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (clock.millis() >= entry.expiresAtMillis) {
            remove(key, entry);
            return Optional.empty();
        }
        entry.lastUse = uses.incrementAndGet();
        return Optional.of(entry.answer);
    }

    /**
     * Stores a successful answer ({@link CachedAnswer#isCacheable()}); others are ignored, and so
     * is one larger than a quarter of the budget, which would flush everything else for itself.
     */
    public void put(String key, CachedAnswer answer) {
        requireNonNull(key, "key");
        requireNonNull(answer, "answer");
        long size = (long) answer.bodyLength() + key.length() * 2L + ENTRY_OVERHEAD;
        if (size > maxBytes / 4 || !answer.isCacheable()) {
            return;
        }
        Entry entry = new Entry(answer, clock.millis() + ttlMillis, size, uses.incrementAndGet());
        Entry old = entries.put(key, entry);
        long total = bytes.addAndGet(old == null ? size : size - old.size);
        if (total > maxBytes && evicting.tryLock()) {
            try {
                evict();
            } finally {
                evicting.unlock();
            }
        }
    }

    public int size() {
        return entries.size();
    }

    /** The bytes the entries are counted as, bodies plus a fixed overhead each. */
    public long bytes() {
        return bytes.get();
    }

    private void evict() {
        long now = clock.millis();
        List<Map.Entry<String, Entry>> live = new ArrayList<>(entries.size());
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            if (now >= e.getValue().expiresAtMillis) {
                remove(e.getKey(), e.getValue());
            } else {
                live.add(Map.entry(e.getKey(), e.getValue()));
            }
        }
        long target = (long) (maxBytes * LOW_WATER);
        if (bytes.get() <= target) {
            return;
        }
        live.sort(Comparator.comparingLong(e -> e.getValue().lastUse));
        for (Map.Entry<String, Entry> e : live) {
            if (bytes.get() <= target) {
                return;
            }
            remove(e.getKey(), e.getValue());
        }
    }

    private void remove(String key, Entry entry) {
        // Only the thread whose removal succeeds uncounts the bytes, so each entry counts once.
        if (entries.remove(key, entry)) {
            bytes.addAndGet(-entry.size);
        }
    }

    private static final class Entry {
        final CachedAnswer answer;
        final long expiresAtMillis;
        final long size;
        volatile long lastUse;

        Entry(CachedAnswer answer, long expiresAtMillis, long size, long lastUse) {
            this.answer = answer;
            this.expiresAtMillis = expiresAtMillis;
            this.size = size;
            this.lastUse = lastUse;
        }
    }
}
