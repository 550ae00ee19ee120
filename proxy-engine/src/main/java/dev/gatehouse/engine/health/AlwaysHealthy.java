package dev.gatehouse.engine.health;

enum AlwaysHealthy implements EndpointHealth {
    INSTANCE;

    @Override
    public HealthState state() {
        return HealthState.HEALTHY;
    }

    @Override
    public boolean acceptsTraffic() {
        return true;
    }

    @Override
    public double trafficShare() {
        return 1.0;
    }

    @Override
    public boolean tryAcquire() {
        return true;
    }

    @Override
    public void onSuccess(long latencyNanos) {
    }

    @Override
    public void onFailure() {
    }
}
