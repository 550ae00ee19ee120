package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.config.AiRouteConfig;
import dev.gatehouse.engine.config.BalancerConfig;
import dev.gatehouse.engine.config.HealthCheckConfig;
import dev.gatehouse.engine.config.ListenerConfig;
import dev.gatehouse.engine.config.OutlierConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's validation messages show at the field of the route, pool or endpoint they concern. */
class RoutesValidationTest {

    private FakeControl engine;
    private RoutesViewModel model;

    @BeforeEach
    void load() {
        engine = new FakeControl(Configs.twoPools());
        model = engine.loadedModel();
    }

    @Test
    void aValidDraftHasNoMessages() {
        assertThat(model.draft().errors().isEmpty()).isTrue();
    }

    @Test
    void deletingAPoolShowsTheMessageAtThePoolFieldOfTheRoutesThatUseIt() {
        model.deletePool("bge");

        assertThat(model.draft().errors().at(ItemRef.route("embed"), "pool")).containsExactly("no pool named \"bge\"");
        assertThat(model.draft().errors().at(ItemRef.route("chat"), "pool")).isEmpty();
        assertThat(model.draft().errors().count()).isEqualTo(1);
    }

    @Test
    void aZeroWeightShowsAtTheEndpointsWeight() {
        ItemRef endpoint = ItemRef.endpoint("qwen", "10.0.0.2:8000");
        model.setWeight(endpoint, 0);

        assertThat(model.draft().errors().at(endpoint, "weight")).singleElement().asString().contains("between 1 and");
        assertThat(model.draft().errors().of(endpoint)).singleElement().asString().startsWith("weight: ");
    }

    @Test
    void poolSettingsShowAtTheirFields() {
        model.setHealthCheck("qwen", new HealthCheckConfig(true, "ready", null, null, 0, null));
        model.setCircuitBreaker("qwen", new OutlierConfig(true, 1.5, null, null, null, null));
        model.setBalancer("bge", new BalancerConfig(BalancerConfig.Strategy.CONSISTENT_HASH, "cookie"));

        FieldErrors errors = model.draft().errors();
        assertThat(errors.at(ItemRef.pool("qwen"), "healthCheck.path")).isNotEmpty();
        assertThat(errors.at(ItemRef.pool("qwen"), "healthCheck.unhealthyThreshold")).isNotEmpty();
        assertThat(errors.at(ItemRef.pool("qwen"), "outlier.errorRateThreshold")).singleElement().asString()
                .contains("1.5");
        assertThat(errors.at(ItemRef.pool("bge"), "balancer.hashOn")).singleElement().asString().contains("\"cookie\"");
    }

    @Test
    void aiPolicyErrorsShowAtTheRoutesAiFields() {
        model.setRouteAi("chat", new AiRouteConfig(null, null, null, 9, null, Duration.ZERO, null, null, null, null, null));

        assertThat(model.draft().errors().at(ItemRef.route("chat"), "ai.retries")).isNotEmpty();
        assertThat(model.draft().errors().at(ItemRef.route("chat"), "ai.firstTokenTimeout")).isNotEmpty();
    }

    @Test
    void aDuplicateEndpointAddressShowsAtTheEndpointItself() {
        model.addEndpoint("qwen", "10.0.0.1", 8000);

        assertThat(model.draft().errors().at(ItemRef.endpoint("qwen", "10.0.0.1:8000"), ""))
                .singleElement().asString().contains("duplicate address 10.0.0.1:8000");
    }

    @Test
    void errorsOutsideRoutesAndPoolsAreListedWithTheirPath() {
        model.edit("bad listener", c -> c.withListeners(List.of(new ListenerConfig("main", "127.0.0.1", 70000))));

        assertThat(model.draft().errors().general()).singleElement().asString().startsWith("listeners[0].port: ");
    }

    @Test
    void undoingTheBadEditClearsTheMessage() {
        model.deletePool("bge");
        model.undo();

        assertThat(model.draft().errors().isEmpty()).isTrue();
    }

    @Test
    void editsDuringAValidationCoalesceIntoOneMoreRunOnTheLatestDraft() {
        List<Runnable> queued = new ArrayList<>();
        RoutesViewModel slow = engine.queuedModel(queued);
        slow.load();
        queued.remove(0).run(); // the load

        slow.deletePool("bge");
        slow.addPool("bge");
        slow.deletePool("qwen");
        int ran = 0;
        while (!queued.isEmpty()) {
            queued.remove(0).run();
            ran++;
        }

        // the load's versions read and health poll, the validation that was running, one more for the last draft
        assertThat(ran).isEqualTo(4);
        assertThat(slow.draft().errors().at(ItemRef.route("chat"), "pool")).containsExactly("no pool named \"qwen\"");
        assertThat(slow.draft().errors().at(ItemRef.route("embed"), "pool")).isEmpty();
    }
}
