package dev.gatehouse.engine.config;

import java.time.Duration;

/**
 * Passive outlier detection and circuit breaking, from seed 001 §2.3: an error rate over
 * {@code errorRateThreshold} within {@code window} (at least {@code minRequests} seen) opens the
 * circuit; every {@code halfOpenInterval} one trial request goes through; after a success the
 * endpoint's share of traffic ramps back up over {@code rampUp}.
 */
public record OutlierConfig(
        Boolean enabled,
        Double errorRateThreshold,
        Duration window,
        Integer minRequests,
        Duration halfOpenInterval,
        Duration rampUp) {

    public OutlierConfig {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        errorRateThreshold = errorRateThreshold == null ? 0.2 : errorRateThreshold;
        window = window == null ? Duration.ofMinutes(5) : window;
        minRequests = minRequests == null ? 10 : minRequests;
        halfOpenInterval = halfOpenInterval == null ? Duration.ofSeconds(30) : halfOpenInterval;
        rampUp = rampUp == null ? Duration.ofSeconds(30) : rampUp;
    }

    public static OutlierConfig defaults() {
        return new OutlierConfig(null, null, null, null, null, null);
    }
}
