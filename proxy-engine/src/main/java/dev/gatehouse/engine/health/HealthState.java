package dev.gatehouse.engine.health;

/** The states an endpoint is shown in (and colored by in the console's topology view). */
public enum HealthState {
    /** Serving normally. */
    HEALTHY,
    /** Recovered and getting a growing share of traffic. */
    RAMPING_UP,
    /** Circuit open after too many errors; no traffic until a half-open trial succeeds. */
    EJECTED,
    /** One trial request may go through to test recovery. */
    HALF_OPEN,
    /** Failed its active health checks. */
    DOWN,
    /** Taken out by an operator: finishes in-flight requests, gets no new ones. */
    DRAINING
}
