package dev.gatehouse.engine.ai.auth;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The consumers of one config snapshot and the lookup from a presented API key to its consumer.
 * Built once per snapshot off the request path; {@link #authenticate} is safe from any event loop.
 *
 * <p>Every stored key has its own salt, so a presented key can only be matched by hashing it with
 * each salt in turn. That scan happens once per distinct valid key: its result is remembered under
 * the key's unsalted SHA-256 (not the key itself, so a heap dump shows no usable secret). Only
 * successful matches are remembered, so random keys from a scanner cannot grow the cache, and the
 * cache is at most {@link #DEFAULT_CACHE_SIZE} entries. A new snapshot starts with an empty
 * cache, so a revoked key stops working with the config that removes it.
 */
public final class ConsumerDirectory {

    public static final int DEFAULT_CACHE_SIZE = 10_000;
    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, Consumer> byName;
    private final List<StoredKey> keys;
    private final Map<String, Consumer> matched = new ConcurrentHashMap<>();
    private final int cacheSize;

    private ConsumerDirectory(Collection<Consumer> consumers, int cacheSize) {
        requireNonNull(consumers, "consumers");
        if (cacheSize < 1) {
            throw new IllegalArgumentException("cacheSize must be positive, got " + cacheSize);
        }
        Map<String, Consumer> names = new LinkedHashMap<>();
        List<StoredKey> stored = new ArrayList<>();
        for (Consumer consumer : consumers) {
            if (names.putIfAbsent(consumer.name(), consumer) != null) {
                throw new IllegalArgumentException("duplicate consumer name \"" + consumer.name() + '"');
            }
            for (ApiKeyHash key : consumer.keys()) {
                stored.add(new StoredKey(HEX.parseHex(key.salt()), HEX.parseHex(key.hash()), consumer));
            }
        }
        this.byName = Map.copyOf(names);
        this.keys = List.copyOf(stored);
        this.cacheSize = cacheSize;
    }

    public static ConsumerDirectory of(Collection<Consumer> consumers) {
        return new ConsumerDirectory(consumers, DEFAULT_CACHE_SIZE);
    }

    static ConsumerDirectory of(Collection<Consumer> consumers, int cacheSize) {
        return new ConsumerDirectory(consumers, cacheSize);
    }

    /** The consumer whose key was presented, or empty for a missing or unknown key. */
    public Optional<Consumer> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty() || keys.isEmpty()) {
            return Optional.empty();
        }
        String fingerprint = HEX.formatHex(Sha256.digest(presentedKey));
        Consumer known = matched.get(fingerprint);
        if (known != null) {
            return Optional.of(known);
        }
        for (StoredKey key : keys) {
            if (MessageDigest.isEqual(key.hash, Sha256.digest(key.salt, presentedKey))) {
                remember(fingerprint, key.consumer);
                return Optional.of(key.consumer);
            }
        }
        return Optional.empty();
    }

    public Optional<Consumer> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<Consumer> consumers() {
        return byName.values();
    }

    int cachedKeys() {
        return matched.size();
    }

    private void remember(String fingerprint, Consumer consumer) {
        // More distinct valid keys in use than the cache holds: drop an arbitrary one. It costs
        // that key one more scan later; exact LRU would cost a lock or bookkeeping on every hit.
        if (matched.size() >= cacheSize) {
            Iterator<String> victims = matched.keySet().iterator();
            if (victims.hasNext()) {
                matched.remove(victims.next());
            }
        }
        matched.put(fingerprint, consumer);
    }

    private record StoredKey(byte[] salt, byte[] hash, Consumer consumer) {
    }
}
