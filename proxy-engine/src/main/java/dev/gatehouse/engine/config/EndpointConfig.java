package dev.gatehouse.engine.config;

/**
 * One upstream address in a pool. {@code weight} is relative within the pool (default 100, as the
 * dynamic weighting formula of seed 001 starts from 100). {@code metricsUrl} is where the backend
 * exposes Prometheus metrics (DCGM, vLLM, SGLang), if anywhere. {@code tls} makes the gateway
 * speak HTTPS to it, trusting the JVM's CAs or, when set, only the PEM certificates in {@code caFile}
 * (a private cloud's own CA).
 */
public record EndpointConfig(String host, Integer port, Integer weight, String metricsUrl, Boolean tls, String caFile) {

    public static final int DEFAULT_WEIGHT = 100;

    public EndpointConfig {
        weight = weight == null ? DEFAULT_WEIGHT : weight;
        tls = tls == null ? Boolean.FALSE : tls;
    }

    /** A plain-HTTP endpoint. */
    public EndpointConfig(String host, Integer port, Integer weight, String metricsUrl) {
        this(host, port, weight, metricsUrl, null, null);
    }

    public static EndpointConfig of(String host, int port) {
        return new EndpointConfig(host, port, DEFAULT_WEIGHT, null);
    }

    /** The endpoint's identity within a pool, {@code host:port}. */
    public String address() {
        return host + ":" + port;
    }
}
