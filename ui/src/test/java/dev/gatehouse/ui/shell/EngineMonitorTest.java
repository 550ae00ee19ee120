package dev.gatehouse.ui.shell;

import dev.gatehouse.engine.admin.ControlException;
import dev.gatehouse.engine.admin.EngineStatus;
import dev.gatehouse.ui.testing.FakeGatewayControl;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.gatehouse.engine.health.HealthState.EJECTED;
import static dev.gatehouse.engine.health.HealthState.HALF_OPEN;
import static dev.gatehouse.engine.health.HealthState.HEALTHY;
import static dev.gatehouse.engine.health.HealthState.RAMPING_UP;
import static dev.gatehouse.ui.testing.FakeGatewayControl.pool;
import static org.assertj.core.api.Assertions.assertThat;

class EngineMonitorTest {

    private final FakeGatewayControl engine = new FakeGatewayControl();
    private final StatusBarViewModel status = new StatusBarViewModel();
    private final NotificationsViewModel notifications = new NotificationsViewModel(Clock.systemUTC());
    private final List<String> posted = new java.util.ArrayList<>();
    private final EngineMonitor monitor = new EngineMonitor(engine, Runnable::run,
            Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC), status, notifications);

    EngineMonitorTest() {
        notifications.shown().addListener((javafx.collections.ListChangeListener<Notice>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(n -> posted.add(n.title() + ": " + n.detail()));
            }
        });
    }

    @Test
    void statusBarShowsTheEnginesStateAddressAndVersion() {
        engine.status(new EngineStatus(true, List.of("127.0.0.1:8080", "[::1]:8080"), 7, 5000, 2));

        monitor.pollOnce();

        assertThat(status.engineStateProperty().get()).isEqualTo("Running");
        assertThat(status.engineUpProperty().get()).isTrue();
        assertThat(status.listenAddressProperty().get()).isEqualTo("127.0.0.1:8080, [::1]:8080");
        assertThat(status.configVersionProperty().get()).isEqualTo("config v7");
    }

    @Test
    void qpsComesFromTheEnginesRequestCountOverItsOwnTimeBetweenTwoPolls() {
        Instant t0 = Instant.parse("2026-11-25T12:00:00Z");
        engine.requestsCompleted(100, t0);
        monitor.pollOnce();
        engine.requestsCompleted(130, t0.plusSeconds(3));

        monitor.pollOnce();

        assertThat(status.qpsProperty().get()).isEqualTo("10 req/s");
    }

    @Test
    void anEjectionIsNotifiedOnceAndItsRestorationOnce() {
        engine.health(List.of(pool("qwen", HEALTHY, HEALTHY)));
        monitor.pollOnce();
        assertThat(posted).isEmpty(); // the first poll is the baseline, not news

        engine.health(List.of(pool("qwen", HEALTHY, EJECTED)));
        monitor.pollOnce();
        engine.health(List.of(pool("qwen", HEALTHY, HALF_OPEN))); // a trial: still out
        monitor.pollOnce();
        engine.health(List.of(pool("qwen", HEALTHY, EJECTED)));
        monitor.pollOnce();
        engine.health(List.of(pool("qwen", HEALTHY, RAMPING_UP)));
        monitor.pollOnce();
        monitor.pollOnce();

        assertThat(posted).containsExactly(
                "Endpoint out: Endpoint qwen/10.0.0.2:8000 ejected (circuit open)",
                "Endpoint restored: Endpoint qwen/10.0.0.2:8000 restored");
    }

    @Test
    void aNewConfigVersionIsNotifiedOnce() {
        monitor.pollOnce();
        engine.status(new EngineStatus(true, List.of("127.0.0.1:8080"), 2, 2000, 0));

        monitor.pollOnce();
        monitor.pollOnce();

        assertThat(posted).containsExactly("Config applied: Version 2 is running.");
        assertThat(status.configVersionProperty().get()).isEqualTo("config v2");
    }

    @Test
    void anUnreachableEngineIsShownAndNotifiedOnceUntilItAnswersAgain() {
        monitor.pollOnce();
        engine.failWith(new ControlException(ControlException.Kind.UNAVAILABLE, "connection refused"));

        monitor.pollOnce();
        monitor.pollOnce();

        assertThat(status.engineStateProperty().get()).isEqualTo("Unreachable");
        assertThat(status.engineUpProperty().get()).isFalse();
        assertThat(posted).containsExactly("Engine unreachable: connection refused");

        engine.failWith(null);
        monitor.pollOnce();

        assertThat(status.engineStateProperty().get()).isEqualTo("Running");
        assertThat(posted).hasSize(2).last().asString().startsWith("Engine reachable");
    }

    @Test
    void nothingIsShownAfterClose() {
        monitor.close();

        monitor.pollOnce();

        assertThat(status.engineStateProperty().get()).isEqualTo("Connecting…");
    }
}
