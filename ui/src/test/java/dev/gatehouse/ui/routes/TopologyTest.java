package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.config.RouteConfig;
import dev.gatehouse.engine.health.HealthState;
import dev.gatehouse.ui.routes.Topology.EndpointNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The topology shows the draft's routes, pools and endpoints with the engine's health, weights and QPS. */
class TopologyTest {

    private static final ItemRef FIRST = ItemRef.endpoint("qwen", "10.0.0.1:8000");
    private static final ItemRef SECOND = ItemRef.endpoint("qwen", "10.0.0.2:8000");

    private FakeControl engine;
    private Map<String, Double> qps = Map.of();
    private RoutesViewModel model;

    @BeforeEach
    void load() {
        engine = new FakeControl(Configs.twoPools());
        model = new RoutesViewModel(engine, () -> qps, Runnable::run, Runnable::run);
        model.load();
    }

    private EndpointNode node(ItemRef ref) {
        return model.topologyProperty().get().endpoint(ref).orElseThrow();
    }

    @Test
    void routesPointAtPoolsAndPoolsHoldTheirEndpoints() {
        Topology topology = model.topologyProperty().get();

        assertThat(topology.routes()).extracting(Topology.RouteNode::name, Topology.RouteNode::pool)
                .containsExactly(tuple("chat", "qwen"),
                        tuple("embed", "bge"));
        assertThat(topology.pools()).extracting(Topology.PoolNode::name).containsExactly("qwen", "bge");
        assertThat(node(FIRST).health()).isEqualTo(EndpointHealth.HEALTHY);
        assertThat(node(FIRST).weight()).isEqualTo(100);
    }

    @ParameterizedTest
    @CsvSource({
            "HEALTHY,    #2e9d4f, endpoint-healthy",
            "RAMPING_UP, #7cc46a, endpoint-ramping-up",
            "HALF_OPEN,  #e0a020, endpoint-half-open",
            "EJECTED,    #d0392b, endpoint-ejected",
            "DOWN,       #8e1b12, endpoint-down",
            "DRAINING,   #3f7fbf, endpoint-draining"})
    void eachEngineStateHasItsColor(HealthState state, String color, String styleClass) {
        engine.setState("qwen", "10.0.0.2:8000", state);

        model.refreshTopology();

        assertThat(node(SECOND).health().color()).isEqualTo(color);
        assertThat(node(SECOND).health().styleClass()).isEqualTo(styleClass);
        assertThat(node(FIRST).health()).isEqualTo(EndpointHealth.HEALTHY);
    }

    @Test
    void anEndpointOnlyInTheDraftIsShownAsNotAppliedYetThenHealthyOnceApplied() {
        model.addEndpoint("bge", "10.0.0.9", 8000);
        ItemRef added = ItemRef.endpoint("bge", "10.0.0.9:8000");
        assertThat(node(added).health()).isEqualTo(EndpointHealth.NOT_RUNNING);

        model.apply();

        assertThat(node(added).health()).isEqualTo(EndpointHealth.HEALTHY);
    }

    @Test
    void weightEditsShowAtOnceAndQpsAfterThePoll() {
        model.setWeight(FIRST, 30);
        assertThat(node(FIRST).weight()).isEqualTo(30);

        qps = Map.of("10.0.0.1:8000", 12.5);
        model.refreshTopology();

        assertThat(node(FIRST).qps()).isEqualTo(12.5);
        assertThat(node(SECOND).qps()).isZero();
    }

    @Test
    void drainEjectAndRestoreFromTheContextMenuReachTheEngineAndShow() {
        model.drain(FIRST);
        assertThat(node(FIRST).health()).isEqualTo(EndpointHealth.DRAINING);
        assertThat(model.messageProperty().get()).isEqualTo("10.0.0.1:8000 in pool qwen is now draining");

        model.eject(SECOND);
        assertThat(node(SECOND).health()).isEqualTo(EndpointHealth.EJECTED);
        assertThat(node(SECOND).health().takesTraffic()).isFalse();

        model.restore(FIRST);
        assertThat(node(FIRST).health()).isEqualTo(EndpointHealth.HEALTHY);
    }

    @Test
    void aPollIsSkippedWhileThePreviousOneRuns() {
        List<Runnable> queued = new ArrayList<>();
        RoutesViewModel slow = engine.queuedModel(queued);

        slow.refreshTopology();
        slow.refreshTopology();
        slow.refreshTopology();

        assertThat(queued).hasSize(1);
        queued.remove(0).run();
        slow.refreshTopology();
        assertThat(queued).hasSize(1);
    }

    @Test
    void theGraphLaysOutAtMostTwoHundredRoutesAndCentresEachPoolOnItsEndpoints() {
        List<RouteConfig> routes = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            routes.add(Configs.route("r" + i, "qwen"));
        }
        Topology big = Topology.of(Configs.twoPools().withRoutes(routes), List.of(), Map.of());

        TopologyLayout layout = TopologyLayout.of(big);

        assertThat(layout.routeY()).hasSize(TopologyLayout.MAX_ROUTES);
        assertThat(layout.hiddenRoutes()).isEqualTo(9_800);
        assertThat(layout.poolY().get("qwen"))
                .isEqualTo((layout.endpointY().get(FIRST) + layout.endpointY().get(SECOND)) / 2);
    }

    @Test
    void ratesComeFromTheDifferenceBetweenTwoCumulativeCounts() {
        Map<String, Double> rates = QpsSource.rates(Map.of("a:1", 100L, "b:1", 50L),
                Map.of("a:1", 130L, "b:1", 50L, "c:1", 4L), Duration.ofSeconds(2));

        assertThat(rates).containsOnly(Map.entry("a:1", 15.0), Map.entry("b:1", 0.0), Map.entry("c:1", 2.0));
        assertThat(QpsSource.rates(Map.of("a:1", 100L), Map.of("a:1", 3L), Duration.ofSeconds(1)))
                .containsOnly(Map.entry("a:1", 0.0));
    }
}
