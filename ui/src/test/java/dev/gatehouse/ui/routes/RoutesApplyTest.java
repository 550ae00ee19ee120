package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.config.ConfigVersion;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.RouteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Apply, conflicts, rollback, import and export, against an engine that behaves like the real one. */
class RoutesApplyTest {

    private FakeControl engine;
    private RoutesViewModel model;

    @BeforeEach
    void load() {
        engine = new FakeControl(Configs.twoPools());
        model = engine.loadedModel();
    }

    @Test
    void applyRunsTheDraftAsTheNextVersionAndTheDraftIsCleanAgain() {
        model.addPool("llama");
        model.addEndpoint("llama", "10.0.1.1", 8000);
        model.attachRoute("chat", "llama");
        assertThat(model.diff()).hasSize(3);

        model.apply();

        assertThat(engine.running().routes().get(0).pool()).isEqualTo("llama");
        assertThat(model.runningProperty().get().version()).isEqualTo(2);
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(model.diff()).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("applied as version 2");
        assertThat(model.versions()).extracting(ConfigVersion::seq).containsExactly(1L);
    }

    @Test
    void aConflictAppliesNothingAndReloadTakesTheirConfigWithOursOneUndoAway() {
        GatewayConfig theirs = PoolEdits.add(Configs.twoPools(), "theirs");
        engine.someoneElseApplies(theirs);
        model.setWeight(ItemRef.endpoint("qwen", "10.0.0.1:8000"), 20);
        GatewayConfig ours = model.draft().draft();

        model.apply();

        assertThat(model.conflictProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains("someone else applied").contains("nothing was applied");
        assertThat(engine.running()).isEqualTo(theirs);
        assertThat(engine.applies).isZero();

        model.reload();

        assertThat(model.conflictProperty().get()).isFalse();
        assertThat(model.draft().draft()).isEqualTo(theirs);
        assertThat(model.runningProperty().get().version()).isEqualTo(2);
        assertThat(model.dirtyProperty().get()).isFalse();
        model.undo();
        assertThat(model.draft().draft()).isEqualTo(ours);
    }

    @Test
    void anInvalidDraftIsRefusedByTheEngineWithTheMessageAtTheField() {
        model.deletePool("bge");

        model.apply();

        assertThat(engine.running()).isEqualTo(Configs.twoPools());
        assertThat(model.dirtyProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).startsWith("not applied: ");
        assertThat(model.draft().errors().at(ItemRef.route("embed"), "pool")).containsExactly("no pool named \"bge\"");
    }

    @Test
    void applyingTenThousandRoutesCallsTheEngineOnlyFromTheBackgroundExecutor() {
        List<Runnable> queued = new ArrayList<>();
        RoutesViewModel queuedModel = engine.queuedModel(queued);
        queuedModel.load();
        queued.remove(0).run();
        List<RouteConfig> routes = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            routes.add(Configs.route("r" + i, i % 2 == 0 ? "qwen" : "bge"));
        }
        queuedModel.edit("import 10,000 routes", c -> c.withRoutes(routes));
        queued.clear();

        queuedModel.apply();

        assertThat(engine.applies).as("the FX thread only queued the apply").isZero();
        assertThat(queuedModel.busyProperty().get()).isTrue();
        queued.remove(0).run();
        assertThat(engine.running().routes()).hasSize(10_000);
        assertThat(queuedModel.busyProperty().get()).isFalse();
        assertThat(queuedModel.topologyProperty().get().routes()).hasSize(10_000);
    }

    @Test
    void rollbackRunsAnEarlierVersionAgainAndTheDraftFollows() {
        model.addPool("a");
        model.apply();
        model.addPool("b");
        model.apply();
        assertThat(model.versions()).extracting(ConfigVersion::seq).containsExactly(2L, 1L);

        model.rollback(1);

        assertThat(engine.running()).isEqualTo(Configs.twoPools());
        assertThat(model.draft().draft()).isEqualTo(Configs.twoPools());
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(model.runningProperty().get().version()).isEqualTo(4);
        assertThat(model.versions()).hasSize(3);
    }

    @Test
    void rollbackToAVersionThatIsNotKeptSaysSoAndChangesNothing() {
        model.rollback(7);

        assertThat(model.messageProperty().get()).contains("NOT_FOUND").contains("no version 7");
        assertThat(engine.running()).isEqualTo(Configs.twoPools());
    }

    @Test
    void exportedJsonImportsBackEqual(@TempDir Path dir) {
        model.addPool("llama");
        Path file = dir.resolve("gatehouse.json");
        model.exportFile(file);
        GatewayConfig exported = model.draft().draft();
        model.undo();

        model.importFile(file);

        assertThat(model.draft().draft()).isEqualTo(exported);
        assertThat(model.importErrorsProperty().get()).isEmpty();
    }

    @Test
    void aBadFileIsRefusedWithPathsAndTheDraftIsKept(@TempDir Path dir) throws Exception {
        model.addPool("llama");
        GatewayConfig before = model.draft().draft();
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"routes\": [{\"name\": \"x\", \"pool\": \"p\", \"priorty\": 3}]}");

        model.importFile(file);

        assertThat(model.importErrorsProperty().get()).singleElement().asString()
                .startsWith("routes[0]").contains("priorty");
        assertThat(model.draft().draft()).isEqualTo(before);
        assertThat(model.draft().undoLabelProperty().get()).isEqualTo("add pool llama");
    }

    @Test
    void aFileThatIsNotJsonSaysWhere() {
        assertThat(model.importJson("{\"pools\": [\n  {\"name\": }\n]}")).isFalse();

        assertThat(model.importErrorsProperty().get()).singleElement().asString().contains("line 2");
    }

    @Test
    void aMissingFileSaysSo(@TempDir Path dir) {
        model.importFile(dir.resolve("nope.json"));

        assertThat(model.messageProperty().get()).contains("nope.json");
        assertThat(model.draft().draft()).isEqualTo(Configs.twoPools());
    }
}
