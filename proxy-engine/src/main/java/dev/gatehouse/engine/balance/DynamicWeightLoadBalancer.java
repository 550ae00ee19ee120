package dev.gatehouse.engine.balance;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.engine.upstream.Endpoint;
import dev.gatehouse.engine.upstream.EndpointTelemetry;

import java.util.List;

/**
 * Smooth weighted round robin over {@link DynamicWeight dynamic weights}: endpoints whose GPUs
 * run hot or whose latency climbs get proportionally fewer requests, and the health's traffic
 * share still scales the result while an endpoint ramps up after recovery.
 */
final class DynamicWeightLoadBalancer implements LoadBalancer {

    private final WeightedRoundRobinLoadBalancer delegate;

    DynamicWeightLoadBalancer(List<Endpoint> endpoints) {
        requireNonNull(endpoints, "endpoints");
        // Weights are recomputed on every pick rather than cached per telemetry sample: the formula
        // is a few multiplications, and the EWMA fallback changes with every response anyway.
        this.delegate = new WeightedRoundRobinLoadBalancer(endpoints, DynamicWeightLoadBalancer::weightOf);
    }

    /** The endpoint's dynamic weight scaled by its traffic share, as the balancer uses it now. */
    static int weightOf(Endpoint endpoint) {
        EndpointTelemetry telemetry = endpoint.telemetry();
        double latencyMillis = telemetry.hasLatency()
                ? telemetry.avgLatencyMillis()
                : endpoint.latency().nanos() / 1e6; // NaN when never measured: factor 1
        int weight = DynamicWeight.compute(endpoint.weight(), telemetry.gpuUtilPercent(), latencyMillis);
        double share = endpoint.health().trafficShare();
        // Same scaling as Endpoint.effectiveWeight, applied to the dynamic instead of the configured weight.
        return share >= 1.0 ? weight : Math.max(1, (int) Math.round(weight * share));
    }

    @Override
    public Endpoint pick(PickContext context) {
        return delegate.pick(context);
    }

    @Override
    public List<Endpoint> endpoints() {
        return delegate.endpoints();
    }
}
