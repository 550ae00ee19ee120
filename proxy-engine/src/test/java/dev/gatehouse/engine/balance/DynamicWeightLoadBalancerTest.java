package dev.gatehouse.engine.balance;

import static dev.gatehouse.engine.balance.BalancerTesting.countPicks;
import static dev.gatehouse.engine.balance.BalancerTesting.countPicksConcurrently;
import static dev.gatehouse.engine.balance.BalancerTesting.endpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gatehouse.engine.upstream.Endpoint;
import dev.gatehouse.engine.upstream.EndpointTelemetry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DynamicWeightLoadBalancerTest {

    private final Endpoint hot = endpoint(1);
    private final Endpoint warm = endpoint(2);
    private final Endpoint unknown = endpoint(3);

    // Weights 28 (100 × 0.3 × 0.95), 76 (100 × 0.8 × 0.95) and 100: 204 picks make one cycle.
    private void reportTypicalTelemetry() {
        hot.updateTelemetry(EndpointTelemetry.of(95, 100));
        warm.updateTelemetry(EndpointTelemetry.of(20, 100));
    }

    @Test
    void dynamicWeightSharesMatchComputedWeightsExactly() {
        reportTypicalTelemetry();
        LoadBalancer balancer = new DynamicWeightLoadBalancer(List.of(hot, warm, unknown));

        assertThat(countPicks(balancer, 204 * 50))
                .containsEntry(hot, 28 * 50)
                .containsEntry(warm, 76 * 50)
                .containsEntry(unknown, 100 * 50);
    }

    @Test
    void dynamicWeightShiftsTrafficWhenTelemetryChanges() {
        reportTypicalTelemetry();
        LoadBalancer balancer = new DynamicWeightLoadBalancer(List.of(hot, warm, unknown));
        countPicks(balancer, 204 * 10);

        hot.updateTelemetry(EndpointTelemetry.of(10, 100));   // cooled down: 85
        warm.updateTelemetry(EndpointTelemetry.of(90, 1000)); // now hot and slow: 15
        Map<Endpoint, Integer> counts = countPicks(balancer, 200 * 50);

        // Leftover smooth-WRR credit from the old weights shifts a handful of picks at most.
        assertThat(counts.get(hot).doubleValue()).isCloseTo(85 * 50, within(3.0));
        assertThat(counts.get(warm).doubleValue()).isCloseTo(15 * 50, within(3.0));
        assertThat(counts.get(unknown).doubleValue()).isCloseTo(100 * 50, within(3.0));
    }

    @Test
    void dynamicWeightUsesOwnLatencyAverageWhenTelemetryHasNone() {
        hot.updateTelemetry(EndpointTelemetry.of(0, Double.NaN));
        hot.latency().record(1_000_000_000L); // 1,000 ms: factor 0.5

        assertThat(DynamicWeightLoadBalancer.weightOf(hot)).isEqualTo(50);
        assertThat(DynamicWeightLoadBalancer.weightOf(unknown)).isEqualTo(100);
    }

    @Test
    void dynamicWeightScalesByRampUpShare() {
        SwitchableHealth health = new SwitchableHealth();
        Endpoint rampingUp = endpoint(4, health);
        rampingUp.updateTelemetry(EndpointTelemetry.of(20, 100)); // 76
        health.setShare(0.25);
        LoadBalancer balancer = new DynamicWeightLoadBalancer(List.of(rampingUp, unknown));

        assertThat(countPicks(balancer, 119 * 20)).containsEntry(rampingUp, 19 * 20).containsEntry(unknown, 100 * 20);
    }

    @Test
    void dynamicWeightSkipsEjectedEndpoint() {
        SwitchableHealth health = new SwitchableHealth();
        Endpoint ejected = endpoint(4, health);
        reportTypicalTelemetry();
        LoadBalancer balancer = new DynamicWeightLoadBalancer(List.of(hot, ejected, warm, unknown));
        health.setAvailable(false);

        assertThat(countPicks(balancer, 204 * 10))
                .containsEntry(hot, 280)
                .containsEntry(warm, 760)
                .containsEntry(unknown, 1_000)
                .containsEntry(ejected, 0);
    }

    @Test
    void dynamicWeightReturnsNullWhenNoEndpointIsAvailable() {
        SwitchableHealth health = new SwitchableHealth();
        LoadBalancer balancer = new DynamicWeightLoadBalancer(List.of(endpoint(4, health), endpoint(5, health)));
        health.setAvailable(false);

        assertThat(balancer.pick(PickContext.NONE)).isNull();
    }

    @Test
    void dynamicWeightOverEmptyPoolReturnsNull() {
        assertThat(new DynamicWeightLoadBalancer(List.of()).pick(PickContext.NONE)).isNull();
    }

    @Test
    void dynamicWeightSharesMatchComputedWeightsUnderConcurrentPicks() throws Exception {
        hot.updateTelemetry(EndpointTelemetry.of(100, 0));  // 30
        warm.updateTelemetry(EndpointTelemetry.of(30, 0));  // 70
        LoadBalancer balancer = new DynamicWeightLoadBalancer(List.of(hot, warm, unknown));

        // 30 + 70 + 100 = 200; 40,000 picks are 200 whole cycles, whichever thread made each.
        assertThat(countPicksConcurrently(balancer, 4, 10_000))
                .containsEntry(hot, 6_000)
                .containsEntry(warm, 14_000)
                .containsEntry(unknown, 20_000);
    }
}
