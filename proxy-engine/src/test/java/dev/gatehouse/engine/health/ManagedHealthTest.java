package dev.gatehouse.engine.health;

import dev.gatehouse.engine.config.OutlierConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static dev.gatehouse.engine.health.HealthState.DOWN;
import static dev.gatehouse.engine.health.HealthState.DRAINING;
import static dev.gatehouse.engine.health.HealthState.EJECTED;
import static dev.gatehouse.engine.health.HealthState.HALF_OPEN;
import static dev.gatehouse.engine.health.HealthState.HEALTHY;
import static dev.gatehouse.engine.health.HealthState.RAMPING_UP;
import static org.assertj.core.api.Assertions.assertThat;

class ManagedHealthTest {

    private static final String ADDRESS = "10.0.0.7:8000";

    private final FakeTicker ticker = new FakeTicker();
    private final List<String> changes = new CopyOnWriteArrayList<>();
    private final ManagedHealth health = ManagedHealth.create(ADDRESS, OutlierConfig.defaults(), ticker,
            (address, from, to) -> changes.add(address + " " + from + "->" + to));

    @Test
    void newEndpointIsHealthyWithFullShare() {
        assertThat(health.state()).isEqualTo(HEALTHY);
        assertThat(health.acceptsTraffic()).isTrue();
        assertThat(health.trafficShare()).isEqualTo(1.0);
        assertThat(health.tryAcquire()).isTrue();
    }

    @Test
    void openCircuitShowsEjectedAndTakesNoTraffic() {
        failTenRequests();

        assertThat(health.state()).isEqualTo(EJECTED);
        assertThat(health.acceptsTraffic()).isFalse();
        assertThat(health.tryAcquire()).isFalse();
        assertThat(health.trafficShare()).isZero();
    }

    @Test
    void halfOpenLetsExactlyOneOfEightConcurrentRequestsThrough() throws InterruptedException {
        failTenRequests();
        ticker.advance(Duration.ofSeconds(30));
        assertThat(health.state()).isEqualTo(HALF_OPEN);

        // Many rounds, because a lost race shows only now and then. After each round the trial
        // fails and 30 s pass, so the next round starts half-open again.
        int callers = 8;
        int rounds = 1000;
        AtomicIntegerArray winners = new AtomicIntegerArray(rounds);
        CountDownLatch go = new CountDownLatch(1);
        CyclicBarrier roundStart = new CyclicBarrier(callers);
        CyclicBarrier roundEnd = new CyclicBarrier(callers, () -> {
            health.onFailure();
            ticker.advance(Duration.ofSeconds(30));
        });
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                ErrorRateWindowTest.awaitQuietly(go);
                try {
                    for (int round = 0; round < rounds; round++) {
                        roundStart.await();
                        if (health.tryAcquire()) {
                            winners.incrementAndGet(round);
                        }
                        roundEnd.await();
                    }
                } catch (InterruptedException | BrokenBarrierException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        for (int round = 0; round < rounds; round++) {
            assertThat(winners.get(round)).as("winners in round %d", round).isEqualTo(1);
        }
    }

    @Test
    void successfulTrialRestoresTrafficGradually() {
        failTenRequests();
        ticker.advance(Duration.ofSeconds(30));
        assertThat(health.tryAcquire()).isTrue();

        health.onSuccess(1_000_000);

        assertThat(health.state()).isEqualTo(RAMPING_UP);
        assertThat(health.trafficShare()).isEqualTo(CircuitBreaker.RAMP_START_SHARE);
        ticker.advance(Duration.ofSeconds(30));
        assertThat(health.state()).isEqualTo(HEALTHY);
        assertThat(health.trafficShare()).isEqualTo(1.0);
    }

    @Test
    void drainStopsNewTrafficUntilRestored() {
        health.drain();

        assertThat(health.state()).isEqualTo(DRAINING);
        assertThat(health.acceptsTraffic()).isFalse();
        assertThat(health.tryAcquire()).isFalse();
        health.onSuccess(1_000_000); // a request in flight finishes normally

        health.restore();
        assertThat(health.state()).isEqualTo(HEALTHY);
        assertThat(health.tryAcquire()).isTrue();
    }

    @Test
    void manualEjectOverridesPassingChecksUntilRestored() {
        health.eject();
        health.reportActiveCheck(true);
        health.onSuccess(1_000_000);
        ticker.advance(Duration.ofHours(1));

        assertThat(health.state()).isEqualTo(EJECTED);
        assertThat(health.acceptsTraffic()).isFalse();
        assertThat(health.tryAcquire()).isFalse();

        health.restore();
        assertThat(health.state()).isEqualTo(HEALTHY);
        assertThat(health.acceptsTraffic()).isTrue();
    }

    @Test
    void restoreDoesNotBringBackAnEndpointThatFailsItsChecks() {
        health.reportActiveCheck(false);
        health.eject();

        health.restore();

        assertThat(health.state()).isEqualTo(DOWN);
        assertThat(health.acceptsTraffic()).isFalse();
    }

    @Test
    void downFromActiveChecksTakesPrecedenceOverTheCircuit() {
        failTenRequests();
        health.reportActiveCheck(false);
        ticker.advance(Duration.ofSeconds(30)); // circuit half-open, but the endpoint is down

        assertThat(health.state()).isEqualTo(DOWN);
        assertThat(health.acceptsTraffic()).isFalse();
        assertThat(health.tryAcquire()).isFalse();

        health.reportActiveCheck(true);
        assertThat(health.state()).isEqualTo(HALF_OPEN);
    }

    @Test
    void drainTakesPrecedenceOverDown() {
        health.reportActiveCheck(false);

        health.drain();

        assertThat(health.state()).isEqualTo(DRAINING);
    }

    @Test
    void listenerHearsEachChangeOnceWithTheEndpointAddress() {
        failTenRequests();
        health.onFailure();                       // still ejected: no second report
        ticker.advance(Duration.ofSeconds(30));
        health.tryAcquire();                      // notices half-open, takes the trial
        health.onSuccess(1_000_000);
        ticker.advance(Duration.ofSeconds(30));
        health.refresh();                         // notices the end of the ramp-up

        assertThat(changes).containsExactly(
                ADDRESS + " HEALTHY->EJECTED",
                ADDRESS + " EJECTED->HALF_OPEN",
                ADDRESS + " HALF_OPEN->RAMPING_UP",
                ADDRESS + " RAMPING_UP->HEALTHY");
    }

    @Test
    void failingListenerDoesNotBreakTheRequestPath() {
        ManagedHealth withBadListener = ManagedHealth.create(ADDRESS, OutlierConfig.defaults(), ticker, (address, from, to) -> {
                    throw new IllegalStateException("console gone");
                });

        for (int i = 0; i < 10; i++) {
            withBadListener.onFailure();
        }

        assertThat(withBadListener.state()).isEqualTo(EJECTED);
    }

    private void failTenRequests() {
        for (int i = 0; i < 10; i++) {
            assertThat(health.tryAcquire()).isTrue();
            health.onFailure();
        }
    }
}
