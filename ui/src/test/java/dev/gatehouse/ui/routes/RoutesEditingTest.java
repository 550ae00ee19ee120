package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.config.AiRouteConfig;
import dev.gatehouse.engine.config.BalancerConfig;
import dev.gatehouse.engine.config.BalancerConfig.Strategy;
import dev.gatehouse.engine.config.ConfigCodec;
import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.FallbackConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.HealthCheckConfig;
import dev.gatehouse.engine.config.OutlierConfig;
import dev.gatehouse.engine.config.RateLimitConfig;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of edit changes the draft as the user meant, is undone by Undo and redone by Redo. */
class RoutesEditingTest {

    private FakeControl engine;
    private RoutesViewModel model;

    @BeforeEach
    void load() {
        engine = new FakeControl(Configs.twoPools());
        model = engine.loadedModel();
    }

    static Stream<Arguments> edits() {
        ItemRef first = ItemRef.endpoint("qwen", "10.0.0.1:8000");
        AiRouteConfig ai = new AiRouteConfig("qwen2.5-72b", false, List.of(new FallbackConfig("bge", null)), 2,
                null, Duration.ofSeconds(10), null, new RateLimitConfig(60L, 10_000L, null, null), null, null, null);
        return Stream.of(
                edit("add route", m -> m.addRoute("code", "qwen"),
                        c -> c.routes().size() == 3 && c.routes().get(2).pool().equals("qwen")),
                edit("rename route", m -> m.renameRoute("chat", "talk"),
                        c -> c.routes().get(0).name().equals("talk")),
                edit("delete route", m -> m.deleteRoute("embed"),
                        c -> c.routes().size() == 1 && c.routes().get(0).name().equals("chat")),
                edit("attach route", m -> m.attachRoute("chat", "bge"),
                        c -> c.routes().get(0).pool().equals("bge")),
                edit("add pool", m -> m.addPool("llama"),
                        c -> c.pool("llama") != null && c.pool("llama").endpoints().isEmpty()),
                edit("rename pool updates its routes", m -> m.renamePool("qwen", "qwen-72b"),
                        c -> c.pool("qwen") == null && c.pool("qwen-72b").endpoints().size() == 2
                                && c.routes().get(0).pool().equals("qwen-72b")),
                edit("delete pool", m -> m.deletePool("bge"),
                        c -> c.pools().size() == 1 && c.routes().get(1).pool().equals("bge")),
                edit("add endpoint", m -> m.addEndpoint("bge", "10.0.0.9", 9000),
                        c -> c.pool("bge").endpoints().get(1).address().equals("10.0.0.9:9000")),
                edit("remove endpoint", m -> m.removeEndpoint(first),
                        c -> c.pool("qwen").endpoints().stream().map(EndpointConfig::address).toList()
                                .equals(List.of("10.0.0.2:8000"))),
                edit("move endpoint", m -> m.moveEndpoint(first, "bge"),
                        c -> c.pool("qwen").endpoints().size() == 1
                                && c.pool("bge").endpoints().get(1).address().equals("10.0.0.1:8000")),
                edit("weight", m -> m.setWeight(first, 35),
                        c -> c.pool("qwen").endpoints().get(0).weight() == 35),
                edit("endpoint settings", m -> m.updateEndpoint(first,
                                new EndpointConfig("10.0.0.1", 8001, 50, "http://10.0.0.1:9400/metrics")),
                        c -> c.pool("qwen").endpoints().get(0).address().equals("10.0.0.1:8001")
                                && c.pool("qwen").endpoints().get(0).metricsUrl() != null),
                edit("balancing", m -> m.setBalancer("qwen", BalancerConfig.of(Strategy.LEAST_CONNECTIONS)),
                        c -> c.pool("qwen").balancer().strategy() == Strategy.LEAST_CONNECTIONS),
                edit("health check", m -> m.setHealthCheck("qwen",
                                new HealthCheckConfig(true, "/ready", Duration.ofSeconds(5), null, 2, 1)),
                        c -> c.pool("qwen").healthCheck().path().equals("/ready")),
                edit("circuit breaker", m -> m.setCircuitBreaker("qwen",
                                new OutlierConfig(true, 0.5, null, 20, Duration.ofSeconds(10), null)),
                        c -> c.pool("qwen").outlier().errorRateThreshold() == 0.5),
                edit("AI policies", m -> m.setRouteAi("chat", ai),
                        c -> ai.equals(c.routes().get(0).ai())),
                edit("import", m -> m.importJson(new ConfigCodec()
                                .write(Configs.twoPools().withRoutes(List.of()))),
                        c -> c.routes().isEmpty()));
    }

    private static Arguments edit(String name, Function<RoutesViewModel, Boolean> edit, Predicate<GatewayConfig> done) {
        return Arguments.of(name, edit, done);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void everyEditIsUndoneAndRedone(String name, Function<RoutesViewModel, Boolean> edit, Predicate<GatewayConfig> done) {
        GatewayConfig before = model.draft().draft();

        assertThat(edit.apply(model)).as("edit accepted").isTrue();
        GatewayConfig after = model.draft().draft();
        assertThat(after).matches(done, "the draft shows the " + name);
        assertThat(model.dirtyProperty().get()).isTrue();
        assertThat(engine.running()).as("nothing reaches the engine before Apply").isEqualTo(before);

        assertThat(model.undo()).isTrue();
        assertThat(model.draft().draft()).isEqualTo(before);
        assertThat(model.dirtyProperty().get()).isFalse();

        assertThat(model.redo()).isTrue();
        assertThat(model.draft().draft()).isEqualTo(after);
        assertThat(model.draft().canRedoProperty().get()).isFalse();
    }

    @Test
    void renamingAPoolRenamesItInFallbackChains() {
        model.setRouteAi("embed", new AiRouteConfig(null, null, List.of(new FallbackConfig("qwen", "small")),
                null, null, null, null, null, null, null, null));

        model.renamePool("qwen", "qwen-72b");

        assertThat(model.draft().draft().routes().get(1).ai().fallback())
                .containsExactly(new FallbackConfig("qwen-72b", "small"));
    }

    @Test
    void aNameAlreadyTakenIsRefusedAndChangesNothing() {
        GatewayConfig before = model.draft().draft();

        assertThat(model.renamePool("qwen", "bge")).isFalse();
        assertThat(model.addRoute("chat", "qwen")).isFalse();

        assertThat(model.draft().draft()).isEqualTo(before);
        assertThat(model.draft().canUndoProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).contains("a route named \"chat\" already exists");
    }

    @Test
    void anEndpointAddressThatIsNotHostAndPortIsRefused() {
        assertThat(model.addEndpoint("qwen", "10.0.0.9")).isFalse();
        assertThat(model.addEndpoint("qwen", "10.0.0.9:http")).isFalse();

        assertThat(model.draft().draft().pool("qwen").endpoints()).hasSize(2);
        assertThat(model.messageProperty().get()).endsWith("expected host:port, got \"10.0.0.9:http\"");
    }

    @Test
    void attachingARouteToAMissingPoolIsRefused() {
        assertThat(model.attachRoute("chat", "nope")).isFalse();

        assertThat(model.draft().draft().routes().get(0).pool()).isEqualTo("qwen");
        assertThat(model.messageProperty().get()).contains("no pool named \"nope\"");
    }

    @Test
    void undoAndRedoWalkSeveralStepsInOrderAndANewEditClearsRedo() {
        model.addPool("llama");
        model.addEndpoint("llama", "10.0.0.5", 8000);
        model.attachRoute("chat", "llama");
        assertThat(model.draft().undoLabelProperty().get()).isEqualTo("attach route chat to pool llama");

        model.undo();
        model.undo();
        assertThat(model.draft().draft().pool("llama").endpoints()).isEmpty();
        assertThat(model.draft().redoLabelProperty().get()).isEqualTo("add endpoint 10.0.0.5:8000 to pool llama");

        model.setWeight(ItemRef.endpoint("qwen", "10.0.0.2:8000"), 10);
        assertThat(model.draft().canRedoProperty().get()).isFalse();
        assertThat(model.redo()).isFalse();
    }

    @Test
    void theSelectionFollowsARenamedOrMovedItem() {
        model.selectionProperty().set(ItemRef.pool("qwen"));
        model.renamePool("qwen", "qwen-72b");
        assertThat(model.selectionProperty().get()).isEqualTo(ItemRef.pool("qwen-72b"));

        model.selectionProperty().set(ItemRef.endpoint("bge", "10.0.0.3:8000"));
        model.moveEndpoint(ItemRef.endpoint("bge", "10.0.0.3:8000"), "qwen-72b");
        assertThat(model.selectionProperty().get()).isEqualTo(ItemRef.endpoint("qwen-72b", "10.0.0.3:8000"));
    }

    @Test
    void findSelectsTheFirstItemWhoseNameOrAddressContainsTheText() {
        assertThat(model.find("0.0.3")).isTrue();
        assertThat(model.selectionProperty().get()).isEqualTo(ItemRef.endpoint("bge", "10.0.0.3:8000"));

        assertThat(model.find("EMB")).isTrue();
        assertThat(model.selectionProperty().get()).isEqualTo(ItemRef.route("embed"));

        assertThat(model.find("nothing like it")).isFalse();
    }
}
