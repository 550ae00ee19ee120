package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.config.BalancerConfig;
import dev.gatehouse.engine.config.BalancerConfig.Strategy;
import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.HealthCheckConfig;
import dev.gatehouse.engine.config.ListenerConfig;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lines shown before Apply say in words what the draft changes against the running config. */
class ConfigDiffTest {

    private final GatewayConfig running = Configs.twoPools();

    private static List<String> lines(GatewayConfig before, GatewayConfig after) {
        return ConfigDiff.between(before, after).stream().map(DiffLine::toString).toList();
    }

    @Test
    void noChangeNoLines() {
        assertThat(ConfigDiff.between(running, Configs.twoPools())).isEmpty();
    }

    @Test
    void addedPoolWithEndpointsAndTheRouteAttachedToIt() {
        GatewayConfig draft = PoolEdits.add(running, "llama");
        draft = PoolEdits.addEndpoint(draft, "llama", EndpointConfig.of("10.0.1.1", 8000));
        draft = RouteEdits.attach(draft, "chat", "llama");

        assertThat(lines(running, draft)).containsExactly(
                "~ route chat: pool: qwen → llama",
                "+ pool llama: 1 endpoint, WEIGHTED_ROUND_ROBIN",
                "+ endpoint 10.0.1.1:8000 in pool llama: weight 100");
    }

    @Test
    void removedRouteAndPool() {
        GatewayConfig draft = PoolEdits.delete(RouteEdits.delete(running, "embed"), "bge");

        assertThat(lines(running, draft)).containsExactly(
                "- route embed: pool bge",
                "- pool bge: 1 endpoint, WEIGHTED_ROUND_ROBIN");
    }

    @Test
    void changedPoolFieldsAndEndpointWeightOneLineEach() {
        GatewayConfig draft = PoolEdits.setBalancer(running, "qwen", BalancerConfig.of(Strategy.LEAST_LATENCY));
        draft = PoolEdits.setHealthCheck(draft, "qwen", new HealthCheckConfig(false, null, Duration.ofSeconds(5), null, null, null));
        draft = PoolEdits.setWeight(draft, "qwen", "10.0.0.2:8000", 40);

        assertThat(lines(running, draft)).containsExactly(
                "~ pool qwen: balancer.strategy: WEIGHTED_ROUND_ROBIN → LEAST_LATENCY",
                "~ pool qwen: healthCheck.interval: 10s → 5s",
                "~ endpoint 10.0.0.2:8000 in pool qwen: weight: 100 → 40");
    }

    @Test
    void movedEndpointReadsAsRemovedFromOnePoolAndAddedToTheOther() {
        GatewayConfig draft = PoolEdits.moveEndpoint(running, "qwen", "10.0.0.1:8000", "bge");

        assertThat(lines(running, draft)).containsExactly(
                "- endpoint 10.0.0.1:8000 in pool qwen: weight 100",
                "+ endpoint 10.0.0.1:8000 in pool bge: weight 100");
    }

    @Test
    void reorderedRoutesAndChangedListenerAreShown() {
        GatewayConfig draft = running.withRoutes(List.of(running.routes().get(1), running.routes().get(0)))
                .withListeners(List.of(new ListenerConfig("main", "0.0.0.0", 0)));

        assertThat(lines(running, draft)).containsExactly(
                "~ routes: order: chat, embed → embed, chat",
                "~ config: listeners[0].host: 127.0.0.1 → 0.0.0.0");
    }
}
