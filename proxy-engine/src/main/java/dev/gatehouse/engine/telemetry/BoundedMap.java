package dev.gatehouse.engine.telemetry;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * A concurrent map from names to values that holds at most {@code maxKeys} names (plus
 * {@link #OTHER}): the rest share the value of {@link #OTHER}, because names such as the model and the consumer come from clients
 * and would otherwise grow it without end. A value is created once, the first time its name comes.
 */
final class BoundedMap<V> {

    /** The key of everything past the bound. */
    static final String OTHER = "other";

    private final ConcurrentHashMap<String, V> values = new ConcurrentHashMap<>();
    private final int maxKeys;
    private final Supplier<V> factory;

    BoundedMap(int maxKeys, Supplier<V> factory) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be >= 1, got " + maxKeys);
        }
        this.maxKeys = maxKeys;
        this.factory = factory;
    }

    V get(String key) {
        V value = values.get(key);
        if (value != null) {
            return value;
        }
        // The bound may be overshot by a racing creator or two: harmless, it only has to stop growth.
        String kept = values.size() < maxKeys ? key : OTHER;
        return values.computeIfAbsent(kept, k -> factory.get());
    }

    void forEach(BiConsumer<String, V> action) {
        values.forEach(action);
    }
}
