package dev.gatehouse.engine.health;

import dev.gatehouse.engine.config.OutlierConfig;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Passive outlier detection for one endpoint: opens when the error rate in the window exceeds the
 * threshold, lets one trial request through every half-open interval, and after a successful
 * trial ramps the endpoint's traffic share back up linearly.
 *
 * <p>The state is one immutable {@link Snapshot} in an atomic reference. Time-driven transitions
 * (open → half-open, ramping up → closed) are not stored by a timer but computed from the ticker
 * whenever someone asks, so no thread is needed and queries have no side effects.
 */
final class CircuitBreaker {

    /** The breaker's own states; {@link ManagedHealth} maps them onto {@link HealthState}. */
    enum State { CLOSED, RAMPING_UP, OPEN, HALF_OPEN }

    /** Share of traffic a recovered endpoint starts its ramp-up with. */
    static final double RAMP_START_SHARE = 0.1;

    /**
     * {@code sinceNanos} is when {@code state} began; in half-open with {@code trialTaken} it is
     * when the trial was handed out.
     */
    private record Snapshot(State state, long sinceNanos, boolean trialTaken) {
        static Snapshot of(State state, long sinceNanos) {
            return new Snapshot(state, sinceNanos, false);
        }
    }

    private final boolean enabled;
    private final double errorRateThreshold;
    private final int minRequests;
    private final long halfOpenNanos;
    private final long rampUpNanos;
    private final Ticker ticker;
    private final ErrorRateWindow window;
    private final AtomicReference<Snapshot> snapshot;

    CircuitBreaker(OutlierConfig config, Ticker ticker) {
        Objects.requireNonNull(config, "config");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.enabled = config.enabled();
        this.errorRateThreshold = config.errorRateThreshold();
        this.minRequests = config.minRequests();
        this.halfOpenNanos = config.halfOpenInterval().toNanos();
        this.rampUpNanos = config.rampUp().toNanos();
        this.window = new ErrorRateWindow(config.window(), ticker);
        this.snapshot = new AtomicReference<>(Snapshot.of(State.CLOSED, ticker.nanos()));
    }

    State state() {
        return current().state();
    }

    /** Whether a new request may be sent: closed, ramping up, or half-open with the trial free. */
    boolean acceptsTraffic() {
        Snapshot s = current();
        return switch (s.state()) {
            case CLOSED, RAMPING_UP -> true;
            case HALF_OPEN -> !s.trialTaken();
            case OPEN -> false;
        };
    }

    /**
     * 1 when closed; rising linearly from {@link #RAMP_START_SHARE} to 1 while ramping up; 0 when
     * open. A free half-open trial gets the full share: it is one request whatever the weight,
     * and a full share lets a weighted balancer send it soon.
     */
    double trafficShare() {
        Snapshot s = current();
        return switch (s.state()) {
            case CLOSED -> 1.0;
            case RAMPING_UP -> {
                double progress = (double) (ticker.nanos() - s.sinceNanos()) / rampUpNanos;
                yield Math.min(1.0, RAMP_START_SHARE + (1.0 - RAMP_START_SHARE) * progress);
            }
            case HALF_OPEN -> s.trialTaken() ? 0.0 : 1.0;
            case OPEN -> 0.0;
        };
    }

    /** Claims a request slot; in half-open only one caller wins the trial. */
    boolean tryAcquire() {
        while (true) {
            long now = ticker.nanos();
            Snapshot stored = snapshot.get();
            Snapshot s = advance(stored, now);
            switch (s.state()) {
                case CLOSED, RAMPING_UP:
                    return true;
                case OPEN:
                    return false;
                case HALF_OPEN:
                    if (s.trialTaken()) {
                        return false;
                    }
                    if (snapshot.compareAndSet(stored, new Snapshot(State.HALF_OPEN, now, true))) {
                        return true;
                    }
                    break; // lost a race: look again
                default:
                    throw new AssertionError(s);
            }
        }
    }

    void onSuccess() {
        onOutcome(true);
    }

    void onFailure() {
        onOutcome(false);
    }

    private void onOutcome(boolean success) {
        if (!enabled) {
            return;
        }
        window.record(success);
        while (true) {
            long now = ticker.nanos();
            Snapshot stored = snapshot.get();
            Snapshot s = advance(stored, now);
            Snapshot next = switch (s.state()) {
                case CLOSED, RAMPING_UP -> tooManyErrors() ? Snapshot.of(State.OPEN, now) : null;
                // Without a trial handed out, this is a request from before the circuit opened.
                case HALF_OPEN -> !s.trialTaken() ? null
                        : success ? Snapshot.of(State.RAMPING_UP, now) : Snapshot.of(State.OPEN, now);
                // Stragglers that started before the circuit opened do not count.
                case OPEN -> null;
            };
            if (next == null) {
                return;
            }
            if (snapshot.compareAndSet(stored, next)) {
                if (next.state() == State.RAMPING_UP) {
                    window.reset(); // errors from before the outage must not reopen the circuit
                }
                return;
            }
        }
    }

    private boolean tooManyErrors() {
        ErrorRateWindow.Counts counts = window.counts();
        return counts.total() >= minRequests && counts.errorRate() > errorRateThreshold;
    }

    private Snapshot current() {
        return advance(snapshot.get(), ticker.nanos());
    }

    /** Applies the transitions that the passing of time alone causes. */
    private Snapshot advance(Snapshot s, long now) {
        long elapsed = now - s.sinceNanos();
        return switch (s.state()) {
            case OPEN -> elapsed >= halfOpenNanos
                    ? Snapshot.of(State.HALF_OPEN, s.sinceNanos() + halfOpenNanos) : s;
            // A trial whose outcome never came (lost by a bug, or a very long stream) must not
            // keep the endpoint out forever: after another interval a new trial is allowed.
            case HALF_OPEN -> s.trialTaken() && elapsed >= halfOpenNanos
                    ? Snapshot.of(State.HALF_OPEN, s.sinceNanos() + halfOpenNanos) : s;
            case RAMPING_UP -> elapsed >= rampUpNanos
                    ? Snapshot.of(State.CLOSED, s.sinceNanos() + rampUpNanos) : s;
            case CLOSED -> s;
        };
    }
}
