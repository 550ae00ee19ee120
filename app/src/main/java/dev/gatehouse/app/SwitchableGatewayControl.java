package dev.gatehouse.app;

import dev.gatehouse.engine.admin.ApplyRequest;
import dev.gatehouse.engine.admin.ApplyResult;
import dev.gatehouse.engine.admin.EndpointRef;
import dev.gatehouse.engine.admin.EndpointStatus;
import dev.gatehouse.engine.admin.EngineStatus;
import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.admin.PoolHealth;
import dev.gatehouse.engine.admin.ValidationResult;
import dev.gatehouse.engine.admin.VersionedConfig;
import dev.gatehouse.engine.config.ConfigVersion;
import dev.gatehouse.engine.config.GatewayConfig;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The console's embedded control, which can be pointed at another {@link GatewayControl} of the
 * same engine: leaving the first-run demo moves config history from the demo's store to the
 * config directory, and the console keeps the control it was given.
 */
final class SwitchableGatewayControl implements GatewayControl {

    private volatile GatewayControl target;

    SwitchableGatewayControl(GatewayControl target) {
        this.target = requireNonNull(target, "target");
    }

    void switchTo(GatewayControl next) {
        target = requireNonNull(next, "next");
    }

    @Override
    public EngineStatus status() {
        return target.status();
    }

    @Override
    public VersionedConfig config() {
        return target.config();
    }

    @Override
    public ValidationResult validate(GatewayConfig config) {
        return target.validate(config);
    }

    @Override
    public ApplyResult apply(ApplyRequest request) {
        return target.apply(request);
    }

    @Override
    public List<ConfigVersion> versions() {
        return target.versions();
    }

    @Override
    public ApplyResult rollback(long seq) {
        return target.rollback(seq);
    }

    @Override
    public List<PoolHealth> endpointHealth() {
        return target.endpointHealth();
    }

    @Override
    public EndpointStatus drain(EndpointRef endpoint) {
        return target.drain(endpoint);
    }

    @Override
    public EndpointStatus eject(EndpointRef endpoint) {
        return target.eject(endpoint);
    }

    @Override
    public EndpointStatus restore(EndpointRef endpoint) {
        return target.restore(endpoint);
    }
}
