package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.admin.remote.RemoteGatewayControl;
import dev.gatehouse.engine.admin.rest.AdminServer;
import dev.gatehouse.engine.telemetry.Dimension;
import dev.gatehouse.engine.telemetry.SeriesFilter;
import dev.gatehouse.ui.shell.NotificationsViewModel;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.gatehouse.ui.dashboard.ChatEngine.COMPLETION_TOKENS;
import static dev.gatehouse.ui.dashboard.ChatEngine.PROMPT_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A known load through a real engine ({@link ChatEngine}) and the dashboard's figures against
 * what was sent. The engine's telemetry runs on a clock the test moves, so "two seconds" takes no time.
 */
class DashboardEngineTest {

    private static final int REQUESTS = 200;

    @TempDir
    Path dir;

    @Test
    void figuresMatchTheLoadSent() throws Exception {
        try (ChatEngine gateway = new ChatEngine(dir)) {
            DashboardViewModel model = new DashboardViewModel(gateway.control, Runnable::run, Runnable::run,
                    new NotificationsViewModel(gateway.clock), query -> { });
            model.resume();
            model.poll();

            gateway.send(REQUESTS);
            gateway.pass(2);
            model.poll();

            HeadlineFigures figures = model.headlineProperty().get();
            assertThat(figures.totalRequests()).isEqualTo(REQUESTS);
            assertThat(figures.totalInputTokens()).isEqualTo((long) PROMPT_TOKENS * REQUESTS);
            assertThat(figures.totalOutputTokens()).isEqualTo((long) COMPLETION_TOKENS * REQUESTS);
            assertThat(figures.qps()).isCloseTo(REQUESTS / 2.0, within(REQUESTS / 2.0 * 0.1));
            assertThat(figures.inputTokensPerSecond())
                    .isCloseTo(PROMPT_TOKENS * REQUESTS / 2.0, within(PROMPT_TOKENS * REQUESTS / 2.0 * 0.1));
            assertThat(figures.errorRate()).isZero();
            assertThat(model.qpsSparklineProperty().get().stream().mapToDouble(Double::doubleValue).sum())
                    .as("the per-second points hold every request").isEqualTo(REQUESTS);
            assertThat(model.topRoutesProperty().get()).containsExactly(new LeaderEntry("chat", REQUESTS,
                    (long) PROMPT_TOKENS * REQUESTS, (long) COMPLETION_TOKENS * REQUESTS));
            assertThat(model.poolHealthProperty().get()).containsExactly(new PoolHealthCount("qwen", 1, 0));
            assertThat(model.gpusProperty().get()).singleElement()
                    .satisfies(gauge -> assertThat(gauge.hasMetrics()).as("this origin exposes no metrics").isFalse());
            assertThat(model.problemProperty().get()).isEmpty();
        }
    }

    @Test
    void aRemoteEngineFilteredToOneModelShowsTheSame() throws Exception {
        try (ChatEngine gateway = new ChatEngine(dir)) {
            AdminServer admin = AdminServer.builder(gateway.control, "secret").listen("127.0.0.1", 0).start();
            try {
                GatewayControl remote = new RemoteGatewayControl(
                        URI.create("http://127.0.0.1:" + admin.address().getPort()), "secret");
                DashboardViewModel model = new DashboardViewModel(remote, Runnable::run, Runnable::run,
                        new NotificationsViewModel(gateway.clock), query -> { });
                model.resume();
                model.selectionProperty().set(DashboardSelection.DEFAULT
                        .withFilter(SeriesFilter.of(Dimension.MODEL, "qwen")));

                gateway.send(REQUESTS);
                gateway.pass(2);
                model.poll();

                HeadlineFigures figures = model.headlineProperty().get();
                assertThat(figures.totalRequests()).isEqualTo(REQUESTS);
                assertThat(figures.totalOutputTokens()).isEqualTo((long) COMPLETION_TOKENS * REQUESTS);
                assertThat(figures.qps()).isCloseTo(REQUESTS / 2.0, within(REQUESTS / 2.0 * 0.1));
                Breakdown byModel = model.breakdownProperty().get();
                assertThat(byModel.bands()).singleElement().satisfies(band -> {
                    assertThat(band.key()).isEqualTo("qwen");
                    assertThat(Arrays.stream(band.requestsPerSecond()).sum()).isEqualTo(REQUESTS);
                });
                assertThat(model.problemProperty().get()).isEmpty();
            } finally {
                admin.close();
            }
        }
    }
}
