package dev.gatehouse.engine.balance;

import dev.gatehouse.engine.health.EndpointHealth;
import dev.gatehouse.engine.health.HealthState;

/** A health that tests switch by hand: available or not, and the traffic share while ramping up. */
final class SwitchableHealth implements EndpointHealth {

    private volatile boolean available = true;
    private volatile double share = 1.0;

    void setAvailable(boolean available) {
        this.available = available;
    }

    void setShare(double share) {
        this.share = share;
    }

    @Override
    public HealthState state() {
        if (!available) {
            return HealthState.EJECTED;
        }
        return share < 1.0 ? HealthState.RAMPING_UP : HealthState.HEALTHY;
    }

    @Override
    public boolean acceptsTraffic() {
        return available;
    }

    @Override
    public double trafficShare() {
        return share;
    }

    @Override
    public boolean tryAcquire() {
        return available;
    }

    @Override
    public void onSuccess(long latencyNanos) {
    }

    @Override
    public void onFailure() {
    }
}
