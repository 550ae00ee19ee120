package dev.gatehouse.ui.shell;

import dev.gatehouse.engine.admin.EngineStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class StatusBarViewModelTest {

    private static final EngineStatus RUNNING = new EngineStatus(true, List.of("127.0.0.1:8080"), 3, 1000, 0);
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    private static EngineSample sample(long completed, Instant at) {
        return new EngineSample(RUNNING, List.of(), OptionalLong.of(completed), at);
    }

    @Test
    void qpsIsTheRequestsCompletedBetweenTwoPollsOverTheTimeBetweenThem() {
        StatusBarViewModel status = new StatusBarViewModel();

        status.show(sample(100, T0));
        assertThat(status.qpsProperty().get()).isEqualTo("—"); // one reading is no rate yet
        status.show(sample(112, T0.plusSeconds(2)));

        assertThat(status.qpsProperty().get()).isEqualTo("6.0 req/s");
        status.show(sample(162, T0.plusSeconds(3)));
        assertThat(status.qpsProperty().get()).isEqualTo("50 req/s");
    }

    @Test
    void aCountThatWentBackIsARestartedEngineNotANegativeRate() {
        StatusBarViewModel status = new StatusBarViewModel();
        status.show(sample(100, T0));
        status.show(sample(110, T0.plusSeconds(1)));

        status.show(sample(4, T0.plusSeconds(2)));
        assertThat(status.qpsProperty().get()).isEqualTo("10 req/s"); // kept, not "-106"
        status.show(sample(9, T0.plusSeconds(3)));

        assertThat(status.qpsProperty().get()).isEqualTo("5.0 req/s");
    }

    @Test
    void anEngineWithoutMetricsShowsNoQps() {
        StatusBarViewModel status = new StatusBarViewModel();

        status.show(new EngineSample(RUNNING, List.of(), OptionalLong.empty(), T0));

        assertThat(status.qpsProperty().get()).isEqualTo("—");
        assertThat(status.engineStateProperty().get()).isEqualTo("Running");
    }
}
