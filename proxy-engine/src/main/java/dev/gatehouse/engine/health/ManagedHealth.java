package dev.gatehouse.engine.health;

import dev.gatehouse.engine.config.OutlierConfig;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link EndpointHealth} of one endpoint with checks configured: combines the active
 * checker's verdict, the passive circuit breaker and operator actions (drain, eject, restore).
 *
 * <p>Precedence of {@link #state()}: an operator's drain or eject, then {@code DOWN} from active
 * checks, then the circuit breaker. Queries read volatile fields and the breaker's atomic state;
 * nothing here locks or blocks, so every method may be called from any event loop.
 *
 * <p>Changes are reported to the {@link HealthListener} when some call causes or notices them.
 * Transitions that only the passing of time causes (open → half-open, ramping up → healthy) are
 * noticed by the next request outcome or active check, or by {@link #refresh()}.
 */
public final class ManagedHealth implements EndpointHealth {

    private static final System.Logger LOG = System.getLogger(ManagedHealth.class.getName());

    /** What an operator did last. */
    private enum OperatorAction { NONE, DRAINING, EJECTED }

    private final String address;
    private final CircuitBreaker breaker;
    private final HealthListener listener;
    private final AtomicReference<HealthState> published;
    private volatile OperatorAction operatorAction = OperatorAction.NONE;
    private volatile boolean activeUp = true;

    ManagedHealth(String address, CircuitBreaker breaker, HealthListener listener) {
        this.address = Objects.requireNonNull(address, "address");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.published = new AtomicReference<>(state());
    }

    /**
     * The health of the endpoint at {@code address} ({@code host:port}, used in listener calls)
     * with the pool's outlier policy; a disabled policy leaves the circuit always closed. Active
     * checks run separately, in an {@link ActiveHealthChecker} that reports here.
     */
    public static ManagedHealth create(String address, OutlierConfig outlier, Ticker ticker,
            HealthListener listener) {
        return new ManagedHealth(address, new CircuitBreaker(outlier, ticker), listener);
    }

    public String address() {
        return address;
    }

    @Override
    public HealthState state() {
        return switch (operatorAction) {
            case DRAINING -> HealthState.DRAINING;
            case EJECTED -> HealthState.EJECTED;
            case NONE -> !activeUp ? HealthState.DOWN : switch (breaker.state()) {
                case CLOSED -> HealthState.HEALTHY;
                case RAMPING_UP -> HealthState.RAMPING_UP;
                case OPEN -> HealthState.EJECTED;
                case HALF_OPEN -> HealthState.HALF_OPEN;
            };
        };
    }

    @Override
    public boolean acceptsTraffic() {
        return operatorAction == OperatorAction.NONE && activeUp && breaker.acceptsTraffic();
    }

    @Override
    public double trafficShare() {
        return operatorAction == OperatorAction.NONE && activeUp ? breaker.trafficShare() : 0.0;
    }

    @Override
    public boolean tryAcquire() {
        if (operatorAction != OperatorAction.NONE || !activeUp) {
            return false;
        }
        boolean acquired = breaker.tryAcquire();
        publish();
        return acquired;
    }

    @Override
    public void onSuccess(long latencyNanos) {
        breaker.onSuccess();
        publish();
    }

    @Override
    public void onFailure() {
        breaker.onFailure();
        publish();
    }

    /** Stops new traffic; requests in flight finish. Lasts until {@link #restore()}. */
    public void drain() {
        operatorAction = OperatorAction.DRAINING;
        publish();
    }

    /** Takes the endpoint out whatever the checks say, until {@link #restore()}. */
    public void eject() {
        operatorAction = OperatorAction.EJECTED;
        publish();
    }

    /**
     * Undoes {@link #drain()} or {@link #eject()}. The checks still apply: an endpoint that
     * fails its active checks or has an open circuit stays out.
     */
    public void restore() {
        operatorAction = OperatorAction.NONE;
        publish();
    }

    /** The active checker's current verdict: up, or down after enough consecutive failures. */
    public void reportActiveCheck(boolean up) {
        activeUp = up;
        publish();
    }

    /** The last verdict reported by {@link #reportActiveCheck}; true before any. */
    public boolean activeCheckUp() {
        return activeUp;
    }

    /** Reports changes that time alone caused; for a periodic caller such as the console. */
    public void refresh() {
        publish();
    }

    private void publish() {
        HealthState now = state();
        if (published.get() == now) {
            return; // the common case on the request path: one volatile read, no write
        }
        HealthState before = published.getAndSet(now);
        if (before != now) {
            try {
                listener.onStateChange(address, before, now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "health listener failed for " + address, e);
            }
        }
    }

    @Override
    public String toString() {
        return address + " " + state();
    }
}
