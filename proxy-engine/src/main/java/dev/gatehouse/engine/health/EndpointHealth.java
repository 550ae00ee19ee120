package dev.gatehouse.engine.health;

/**
 * The health of one endpoint as balancers and the proxy see it. Combines the active checker's
 * verdict, the passive circuit breaker and operator actions (drain, eject) into one answer.
 *
 * <p>Balancers call only the pure queries ({@link #acceptsTraffic()}, {@link #trafficShare()}).
 * The proxy, once it has picked an endpoint, calls {@link #tryAcquire()} (which takes the single
 * half-open trial slot when there is one) and then reports the outcome exactly once.
 */
public interface EndpointHealth {

    /** The endpoint's state as shown to users. */
    HealthState state();

    /** Whether a balancer may pick this endpoint for a new request now. Has no side effect. */
    boolean acceptsTraffic();

    /**
     * The share of its weight the endpoint should get, 0–1: below 1 while traffic is restored
     * gradually after the circuit closed again.
     */
    double trafficShare();

    /**
     * Claims the right to send one request now. False when the endpoint stopped accepting traffic
     * since it was picked, or when another request already holds the half-open trial.
     */
    boolean tryAcquire();

    /** The request sent after {@link #tryAcquire()} completed normally (any status below 500). */
    void onSuccess(long latencyNanos);

    /** The request sent after {@link #tryAcquire()} failed: connect error, reset, timeout or 5xx. */
    void onFailure();

    /** An endpoint that is always healthy: for pools without checks and for tests. */
    static EndpointHealth alwaysHealthy() {
        return AlwaysHealthy.INSTANCE;
    }
}
