package dev.gatehouse.ui.routes;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.engine.admin.ApplyRequest;
import dev.gatehouse.engine.config.ConfigVersion;
import dev.gatehouse.ui.testing.HandClock;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The view model against a real engine on loopback: what it applies serves requests, health shows. */
class RoutesEngineIntegrationTest {

    @TempDir
    Path dir;
    private EmbeddedEngine gateway;
    private HttpServer first;
    private HttpServer second;
    private RoutesViewModel model;

    @BeforeEach
    void start() throws Exception {
        gateway = new EmbeddedEngine(Configs.twoPools(), dir);
        first = EmbeddedEngine.origin("first");
        second = EmbeddedEngine.origin("second");
        model = new RoutesViewModel(gateway.control, QpsSource.none(), Runnable::run, Runnable::run);
        model.load();
    }

    @AfterEach
    void stop() {
        gateway.close();
        first.stop(0);
        second.stop(0);
    }

    private ItemRef addLocalPool() {
        model.addPool("local");
        model.addEndpoint("local", "127.0.0.1", first.getAddress().getPort());
        model.addEndpoint("local", "127.0.0.1", second.getAddress().getPort());
        model.setHealthCheck("local", Configs.NO_CHECKS);
        model.attachRoute("chat", "local");
        return ItemRef.endpoint("local", "127.0.0.1:" + first.getAddress().getPort());
    }

    @Test
    void aNewPoolWithTwoEndpointsAttachedToARouteServesItsRequestsOnceApplied() throws Exception {
        addLocalPool();
        assertThat(gateway.get("/chat/x")).as("not applied yet").doesNotStartWith("200");

        model.apply();

        assertThat(model.messageProperty().get()).isEqualTo("applied as version 2");
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(List.of(gateway.get("/chat/x"), gateway.get("/chat/y")))
                .containsExactlyInAnyOrder("200 first", "200 second");
        assertThat(model.topologyProperty().get().pools().get(2).endpoints())
                .extracting(Topology.EndpointNode::health)
                .containsExactly(EndpointHealth.HEALTHY, EndpointHealth.HEALTHY);
    }

    @Test
    void drainingAnEndpointSendsEveryRequestToTheOtherAndShowsOnTheTopology() throws Exception {
        ItemRef firstEndpoint = addLocalPool();
        model.apply();

        model.drain(firstEndpoint);

        assertThat(model.topologyProperty().get().endpoint(firstEndpoint).orElseThrow().health())
                .isEqualTo(EndpointHealth.DRAINING);
        assertThat(List.of(gateway.get("/chat/a"), gateway.get("/chat/b"), gateway.get("/chat/c")))
                .containsOnly("200 second");

        model.restore(firstEndpoint);
        assertThat(model.topologyProperty().get().endpoint(firstEndpoint).orElseThrow().health())
                .isEqualTo(EndpointHealth.HEALTHY);
    }

    @Test
    void eachEndpointShowsTheRequestsPerSecondItServedBetweenTwoPolls() throws Exception {
        HandClock clock = new HandClock();
        try (EmbeddedEngine timed = new EmbeddedEngine(Configs.twoPools(), dir.resolve("timed"), clock)) {
            RoutesViewModel live = new RoutesViewModel(timed.control,
                    QpsSource.fromSnapshots(timed.control::metrics), Runnable::run, Runnable::run);
            live.load();
            live.addPool("local");
            live.addEndpoint("local", "127.0.0.1", first.getAddress().getPort());
            live.setHealthCheck("local", Configs.NO_CHECKS);
            live.attachRoute("chat", "local");
            live.apply();
            ItemRef endpoint = ItemRef.endpoint("local", "127.0.0.1:" + first.getAddress().getPort());
            live.refreshTopology();

            for (int i = 0; i < 6; i++) {
                assertThat(timed.get("/chat/" + i)).isEqualTo("200 first");
            }
            // The access record reaches telemetry just after the response: wait for the sixth.
            await().until(() -> timed.control.metrics().endpoints()
                    .getOrDefault(endpoint.address(), null) != null
                    && timed.control.metrics().endpoints().get(endpoint.address()).requests() == 6);
            clock.advance(Duration.ofSeconds(2));
            live.refreshTopology();

            assertThat(live.topologyProperty().get().endpoint(endpoint).orElseThrow().qps()).isEqualTo(3.0);
        }
    }

    @Test
    void anInvalidDraftIsRefusedByTheEngineAndNothingChanges() throws Exception {
        model.deletePool("bge");

        model.apply();

        assertThat(gateway.control.config().version()).isEqualTo(1);
        assertThat(model.draft().errors().at(ItemRef.route("embed"), "pool")).containsExactly("no pool named \"bge\"");
    }

    @Test
    void rollbackBringsBackTheEarlierConfigAndItsRouting() throws Exception {
        addLocalPool();
        model.apply();
        assertThat(gateway.get("/chat/x")).startsWith("200");
        long kept = model.versions().stream().mapToLong(ConfigVersion::seq).max().orElseThrow();

        model.rollback(kept);

        assertThat(model.draft().draft().pool("local")).isNull();
        assertThat(gateway.get("/chat/x")).doesNotStartWith("200");
        assertThat(model.dirtyProperty().get()).isFalse();
    }

    @Test
    void anApplyFromElsewhereIsAConflictUntilReloaded() {
        model.addPool("mine");
        gateway.control.apply(ApplyRequest.unconditional(
                PoolEdits.add(Configs.twoPools(), "theirs")));

        model.apply();

        assertThat(model.conflictProperty().get()).isTrue();
        model.reload();
        assertThat(model.draft().draft().pool("theirs")).isNotNull();
        assertThat(model.draft().draft().pool("mine")).isNull();
    }
}
