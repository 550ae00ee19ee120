package dev.gatehouse.engine.config;

/**
 * One upstream address in a pool. {@code weight} is relative within the pool (default 100, as the
 * dynamic weighting formula of seed 001 starts from 100). {@code metricsUrl} is where the backend
 * exposes Prometheus metrics (DCGM, vLLM, SGLang), if anywhere.
 */
public record EndpointConfig(String host, Integer port, Integer weight, String metricsUrl) {

    public static final int DEFAULT_WEIGHT = 100;

    public EndpointConfig {
        weight = weight == null ? DEFAULT_WEIGHT : weight;
    }

    public static EndpointConfig of(String host, int port) {
        return new EndpointConfig(host, port, DEFAULT_WEIGHT, null);
    }

    /** The endpoint's identity within a pool, {@code host:port}. */
    public String address() {
        return host + ":" + port;
    }
}
