package dev.gatehouse.engine.health;

import dev.gatehouse.engine.config.HealthCheckConfig;
import dev.gatehouse.engine.config.OutlierConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.gatehouse.engine.health.HealthState.DOWN;
import static dev.gatehouse.engine.health.HealthState.HEALTHY;
import static org.assertj.core.api.Assertions.assertThat;

/** Scheduling and verdicts with a fake prober and hand-driven time; no network. */
class ActiveHealthCheckerTest {

    private static final Duration INTERVAL = Duration.ofSeconds(10);

    private final FakeTicker ticker = new FakeTicker();
    private final ManualScheduler scheduler = new ManualScheduler(ticker);
    private final FakeProber prober = new FakeProber();
    private final ManagedHealth health = newHealth("10.0.0.1:8000");
    private ActiveHealthChecker checker;

    @AfterEach
    void close() {
        if (checker != null) {
            checker.close();
        }
    }

    @Test
    void threeConsecutiveFailedProbesMarkTheEndpointDown() {
        start(HealthCheckConfig.defaults(), new CheckTarget("10.0.0.1", 8000, health));
        prober.answer(false, false, false);

        probeRounds(2);
        assertThat(health.state()).isEqualTo(HEALTHY);

        probeRounds(1);
        assertThat(health.state()).isEqualTo(DOWN);
        assertThat(health.acceptsTraffic()).isFalse();
    }

    @Test
    void twoFailuresThenASuccessKeepTheEndpointHealthy() {
        start(HealthCheckConfig.defaults(), new CheckTarget("10.0.0.1", 8000, health));
        prober.answer(false, false, true, false, false);

        probeRounds(5);

        assertThat(prober.calls).hasSize(5);
        assertThat(health.state()).isEqualTo(HEALTHY);
    }

    @Test
    void downEndpointComesBackAfterTwoPassingProbes() {
        start(HealthCheckConfig.defaults(), new CheckTarget("10.0.0.1", 8000, health));
        prober.answer(false, false, false, true);

        probeRounds(4);
        assertThat(health.state()).isEqualTo(DOWN);

        prober.answer(true);
        probeRounds(1);
        assertThat(health.state()).isEqualTo(HEALTHY);
    }

    @Test
    void probesEveryEndpointOncePerIntervalWithTheConfiguredPathAndTimeout() {
        HealthCheckConfig config = new HealthCheckConfig(
                null, "/v1/models", INTERVAL, Duration.ofMillis(750), null, null);
        start(config, new CheckTarget("10.0.0.1", 8000, health),
                new CheckTarget("10.0.0.2", 8001, newHealth("10.0.0.2:8001")));

        probeRounds(3);

        assertThat(prober.calls).hasSize(6).containsOnly(
                "10.0.0.1:8000/v1/models PT0.75S", "10.0.0.2:8001/v1/models PT0.75S");
    }

    @Test
    void nextProbeWaitsUntilTheSlowOneHasFinished() {
        start(HealthCheckConfig.defaults(), new CheckTarget("10.0.0.1", 8000, health));
        CompletableFuture<Boolean> slow = new CompletableFuture<>();
        prober.answers.add(slow);

        probeRounds(5);
        assertThat(prober.calls).hasSize(1);

        slow.complete(true);
        scheduler.advance(INTERVAL);
        assertThat(prober.calls).hasSize(2);
    }

    @Test
    void proberThatThrowsOrFailsCountsAsAFailedProbe() {
        start(HealthCheckConfig.defaults(), new CheckTarget("10.0.0.1", 8000, health));
        prober.answers.add(CompletableFuture.failedFuture(new IllegalStateException("boom")));
        prober.answers.add(null); // makes the fake throw
        prober.answer(false);

        probeRounds(3);

        assertThat(health.state()).isEqualTo(DOWN);
        assertThat(scheduler.pending()).isEqualTo(1); // and it keeps probing
    }

    @Test
    void closeStopsProbing() {
        start(HealthCheckConfig.defaults(), new CheckTarget("10.0.0.1", 8000, health));
        probeRounds(2);

        checker.close();
        probeRounds(10);

        assertThat(prober.calls).hasSize(2);
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void disabledChecksProbeNothing() {
        HealthCheckConfig off = new HealthCheckConfig(false, null, null, null, null, null);
        start(off, new CheckTarget("10.0.0.1", 8000, health));

        probeRounds(3);

        assertThat(prober.calls).isEmpty();
    }

    @Test
    void newCheckerKeepsADownEndpointDownUntilItPassesTwice() {
        health.reportActiveCheck(false); // verdict of the checker before a config reload
        start(HealthCheckConfig.defaults(), new CheckTarget("10.0.0.1", 8000, health));
        prober.answer(true, true);

        probeRounds(1);
        assertThat(health.state()).isEqualTo(DOWN);
        probeRounds(1);
        assertThat(health.state()).isEqualTo(HEALTHY);
    }

    private void start(HealthCheckConfig config, CheckTarget... targets) {
        // A random of 0.5 puts the first probe at 5% of the interval and the rest exactly one
        // interval apart, so each probeRounds(1) runs exactly one probe per endpoint.
        checker = new ActiveHealthChecker(config, List.of(targets), prober, scheduler, () -> 0.5);
        checker.start();
    }

    private void probeRounds(int rounds) {
        for (int i = 0; i < rounds; i++) {
            scheduler.advance(INTERVAL);
        }
    }

    private ManagedHealth newHealth(String address) {
        return ManagedHealth.create(address, OutlierConfig.defaults(),
                ticker, HealthListener.none());
    }

    /** Answers probes from a queue (healthy once it runs dry) and records what was asked. */
    private static final class FakeProber implements Prober {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final Queue<CompletableFuture<Boolean>> answers = new LinkedList<>(); // allows null: "throw"

        void answer(boolean... results) {
            for (boolean result : results) {
                answers.add(CompletableFuture.completedFuture(result));
            }
        }

        @Override
        public CompletableFuture<Boolean> probe(String host, int port, String path,
                Duration timeout) {
            calls.add(host + ":" + port + path + " " + timeout);
            if (answers.isEmpty()) {
                return CompletableFuture.completedFuture(true);
            }
            CompletableFuture<Boolean> answer = answers.poll();
            if (answer == null) {
                throw new IllegalStateException("prober broken");
            }
            return answer;
        }
    }
}
