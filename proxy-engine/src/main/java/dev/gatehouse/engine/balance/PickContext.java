package dev.gatehouse.engine.balance;

/**
 * What a balancer may know about the request it places. {@code hashKey} is the value the pool's
 * consistent hash is keyed on (a header, the consumer or the client IP, chosen by the caller from
 * the pool's {@code hashOn}); {@code null} when the pool does not hash.
 */
public record PickContext(String hashKey) {

    public static final PickContext NONE = new PickContext(null);

    public static PickContext hashedOn(String key) {
        return new PickContext(key);
    }
}
