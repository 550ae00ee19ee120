package dev.gatehouse.engine.health;

import dev.gatehouse.engine.config.OutlierConfig;
import dev.gatehouse.engine.health.CircuitBreaker.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The circuit breaker with the defaults of seed 001 §2.3: 20%, 5 min, 10 requests, 30 s, 30 s. */
class CircuitBreakerTest {

    private final FakeTicker ticker = new FakeTicker();
    private final CircuitBreaker breaker = new CircuitBreaker(OutlierConfig.defaults(), ticker);

    @ParameterizedTest(name = "{0} successes then {1} failures: open = {2}")
    @CsvSource({
            "7, 3, true",     // 30% of 10
            "8, 2, false",    // exactly 20% is not over the threshold
            "12, 3, false",   // exactly 20% of 15
            "15, 4, true",    // 21% of 19
            "0, 9, false",    // 100%, but fewer than minRequests
            "0, 10, true",
    })
    void opensOnlyAboveTheErrorRateWithEnoughRequests(int successes, int failures, boolean open) {
        record(successes, failures);

        assertThat(breaker.state()).isEqualTo(open ? State.OPEN : State.CLOSED);
        assertThat(breaker.acceptsTraffic()).isEqualTo(!open);
    }

    @Test
    void opensWhenASuccessBringsAHighErrorRateToMinRequests() {
        record(0, 3);
        record(6, 0);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);

        record(1, 0); // 3 of 10 failed

        assertThat(breaker.state()).isEqualTo(State.OPEN);
    }

    @ParameterizedTest(name = "old errors {0} s ago: {1}")
    @CsvSource({"240, OPEN", "300, CLOSED"})
    void errorsOlderThanTheWindowAreForgotten(long secondsLater, State expected) {
        record(0, 3);
        ticker.advance(Duration.ofSeconds(secondsLater));

        record(9, 1); // 10% alone, 31% together with the old errors

        assertThat(breaker.state()).isEqualTo(expected);
    }

    @Test
    void staysOpenWithoutTrafficUntilTheHalfOpenIntervalPassed() {
        open();

        ticker.advance(Duration.ofSeconds(30).minusNanos(1));
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.acceptsTraffic()).isFalse();
        assertThat(breaker.trafficShare()).isZero();
        assertThat(breaker.tryAcquire()).isFalse();

        ticker.advance(Duration.ofNanos(1));
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.acceptsTraffic()).isTrue();
    }

    @Test
    void halfOpenHandsOutOneTrialOnly() {
        halfOpen();

        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.acceptsTraffic()).isFalse();
    }

    @ParameterizedTest(name = "{0} s after the trial succeeded: share {1}")
    @CsvSource({"0, 0.1", "10, 0.4", "15, 0.55", "29, 0.97"})
    void trialSuccessRampsTrafficUpLinearly(long seconds, double share) {
        halfOpen();
        breaker.tryAcquire();
        breaker.onSuccess();

        ticker.advance(Duration.ofSeconds(seconds));

        assertThat(breaker.state()).isEqualTo(State.RAMPING_UP);
        assertThat(breaker.acceptsTraffic()).isTrue();
        assertThat(breaker.trafficShare()).isCloseTo(share, within(1e-9));
    }

    @Test
    void rampUpEndsClosedWithFullShareAfterRampUpDuration() {
        halfOpen();
        breaker.tryAcquire();
        breaker.onSuccess();

        ticker.advance(Duration.ofSeconds(30));

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.trafficShare()).isEqualTo(1.0);
    }

    @Test
    void errorsFromBeforeRecoveryDoNotReopenTheCircuit() {
        halfOpen();
        breaker.tryAcquire();
        breaker.onSuccess();

        record(0, 2); // with the 10 old failures still counted this would be far over 20%

        assertThat(breaker.state()).isEqualTo(State.RAMPING_UP);
    }

    @Test
    void trialFailureOpensTheCircuitForAnotherInterval() {
        halfOpen();
        breaker.tryAcquire();
        ticker.advance(Duration.ofSeconds(5));
        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        ticker.advance(Duration.ofSeconds(30).minusNanos(1));
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        ticker.advance(Duration.ofNanos(1));
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void outcomeArrivingBeforeAnyTrialWasHandedOutDoesNotDecideRecovery() {
        halfOpen();

        breaker.onSuccess(); // a request that started before the circuit opened

        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void trialWhoseOutcomeNeverArrivesIsReplacedAfterAnotherInterval() {
        halfOpen();
        breaker.tryAcquire();

        ticker.advance(Duration.ofSeconds(30).minusNanos(1));
        assertThat(breaker.tryAcquire()).isFalse();
        ticker.advance(Duration.ofNanos(1));
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void disabledBreakerNeverOpens() {
        OutlierConfig off = new OutlierConfig(false, null, null, null, null, null);
        CircuitBreaker disabled = new CircuitBreaker(off, ticker);

        for (int i = 0; i < 100; i++) {
            disabled.onFailure();
        }

        assertThat(disabled.state()).isEqualTo(State.CLOSED);
        assertThat(disabled.tryAcquire()).isTrue();
    }

    private void record(int successes, int failures) {
        for (int i = 0; i < successes; i++) {
            breaker.onSuccess();
        }
        for (int i = 0; i < failures; i++) {
            breaker.onFailure();
        }
    }

    private void open() {
        record(0, 10);
        assertThat(breaker.state()).isEqualTo(State.OPEN);
    }

    private void halfOpen() {
        open();
        ticker.advance(Duration.ofSeconds(30));
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    }
}
