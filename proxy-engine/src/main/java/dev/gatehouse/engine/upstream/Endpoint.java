package dev.gatehouse.engine.upstream;

import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.health.EndpointHealth;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One upstream endpoint as the engine sees it at run time: its fixed identity and configured
 * weight, plus live state that balancers read without locks (in-flight requests, latency EWMA,
 * health, backend telemetry). Instances live as long as the endpoint stays in its pool across
 * config reloads, so that state survives a reload.
 */
public final class Endpoint {

    private final String pool;
    private final String host;
    private final int port;
    private final String address;
    private final int weight;
    private final String metricsUrl;
    private final TlsSettings tls;
    private final String hostHeader;
    private final EndpointHealth health;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LatencyEwma latency = new LatencyEwma();
    private volatile EndpointTelemetry telemetry = EndpointTelemetry.NONE;

    public Endpoint(String pool, EndpointConfig config, EndpointHealth health) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.host = Objects.requireNonNull(config.host(), "host");
        this.port = config.port();
        this.address = host + ":" + port;
        this.weight = config.weight();
        this.metricsUrl = config.metricsUrl();
        this.tls = config.tls() ? new TlsSettings(config.caFile()) : null;
        boolean defaultPort = config.tls() ? port == 443 : port == 80;
        this.hostHeader = defaultPort ? host : address;
        this.health = Objects.requireNonNull(health, "health");
    }

    public String pool() { return pool; }
    public String host() { return host; }
    public int port() { return port; }
    public String address() { return address; }
    public int weight() { return weight; }
    public String metricsUrl() { return metricsUrl; }
    /** How to speak TLS to this endpoint, or null for plain HTTP. */
    public TlsSettings tls() { return tls; }
    /** The Host header upstream requests carry: the port only when it is not the scheme's default. */
    public String hostHeader() { return hostHeader; }
    public EndpointHealth health() { return health; }

    /** Whether a balancer may send this endpoint a new request now. */
    public boolean isAvailable() {
        return health.acceptsTraffic();
    }

    /**
     * The weight a balancer should use now: the configured weight scaled by the health's
     * traffic share (below 1 while a recovered endpoint ramps back up), never below 1.
     */
    public int effectiveWeight() {
        double share = health.trafficShare();
        return share >= 1.0 ? weight : Math.max(1, (int) Math.round(weight * share));
    }

    public int inFlight() { return inFlight.get(); }
    public void requestStarted() { inFlight.incrementAndGet(); }
    public void requestFinished() { inFlight.decrementAndGet(); }

    public LatencyEwma latency() { return latency; }

    public EndpointTelemetry telemetry() { return telemetry; }

    /** Called by the metrics scraper (telemetry issue) or tests with the newest backend figures. */
    public void updateTelemetry(EndpointTelemetry newTelemetry) {
        this.telemetry = Objects.requireNonNull(newTelemetry, "newTelemetry");
    }

    /** Whether this runtime endpoint still describes {@code config} (so it can be kept on reload). */
    public boolean sameAs(EndpointConfig config) {
        return host.equals(config.host()) && port == config.port() && weight == config.weight()
                && Objects.equals(metricsUrl, config.metricsUrl())
                && Objects.equals(tls, config.tls() ? new TlsSettings(config.caFile()) : null);
    }

    @Override
    public String toString() {
        return pool + "/" + address();
    }
}
