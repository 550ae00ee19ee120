package dev.gatehouse.engine.config;

/**
 * A pool's balancing strategy. {@code hashOn} applies to {@link Strategy#CONSISTENT_HASH}:
 * {@code client_ip}, {@code consumer}, or {@code header:NAME}.
 */
public record BalancerConfig(Strategy strategy, String hashOn) {

    public enum Strategy {
        ROUND_ROBIN,
        WEIGHTED_ROUND_ROBIN,
        LEAST_CONNECTIONS,
        LEAST_LATENCY,
        CONSISTENT_HASH,
        DYNAMIC_WEIGHT
    }

    public BalancerConfig {
        strategy = strategy == null ? Strategy.WEIGHTED_ROUND_ROBIN : strategy;
        hashOn = hashOn == null ? "client_ip" : hashOn;
    }

    public static BalancerConfig defaults() {
        return new BalancerConfig(null, null);
    }

    public static BalancerConfig of(Strategy strategy) {
        return new BalancerConfig(strategy, null);
    }
}
