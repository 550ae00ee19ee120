package dev.gatehouse.engine.admin;

import dev.gatehouse.engine.config.ConfigVersion;
import dev.gatehouse.engine.config.GatewayConfig;

import java.util.List;

/**
 * The one way to manage an engine, in process ({@link EmbeddedGatewayControl}) or over the
 * admin REST API ({@code admin.remote.RemoteGatewayControl}). Every method may block (disk,
 * socket binding, network) and so must be called off UI threads and Netty event loops. Every
 * failure is a {@link ControlException} whose {@link ControlException.Kind} says what went wrong.
 */
public interface GatewayControl {

    /** Running state, listen addresses, config version, uptime and in-flight requests. */
    EngineStatus status();

    /** The running config with the version it runs as (the base for an optimistic {@link #apply}). */
    VersionedConfig config();

    /** Every problem in {@code config}, each with the path of its field; nothing is applied. */
    ValidationResult validate(GatewayConfig config);

    /**
     * Validates, hot-reloads and saves the config as a new version. Refused with
     * {@link ControlException.Kind#INVALID_CONFIG} (and every error) or, when the request names
     * the version it was based on and another apply happened since, with
     * {@link ControlException.Kind#CONFLICT}; the running config is then unchanged.
     */
    ApplyResult apply(ApplyRequest request);

    /** The configs replaced so far and kept for rollback, newest first. */
    List<ConfigVersion> versions();

    /** Makes the kept version {@code seq} the running config again (the current one is kept). */
    ApplyResult rollback(long seq);

    /** Every pool's endpoints with their health, weights and in-flight requests, in config order. */
    List<PoolHealth> endpointHealth();

    /** Stops new traffic to an endpoint; its in-flight requests finish. Lasts until {@link #restore}. */
    EndpointStatus drain(EndpointRef endpoint);

    /** Takes an endpoint out whatever its checks say, until {@link #restore}. */
    EndpointStatus eject(EndpointRef endpoint);

    /** Undoes a drain or eject; the health checks still decide whether traffic flows. */
    EndpointStatus restore(EndpointRef endpoint);
}
