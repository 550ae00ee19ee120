package dev.gatehouse.engine.discovery;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.engine.cloud.CloudEndpoints;
import dev.gatehouse.engine.cloud.HostEndpoint;
import dev.gatehouse.engine.config.AiRouteConfig;
import dev.gatehouse.engine.config.BalancerConfig;
import dev.gatehouse.engine.config.DiscoveryConfig;
import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.HealthCheckConfig;
import dev.gatehouse.engine.config.ModelArtsDiscoveryConfig;
import dev.gatehouse.engine.config.OutlierConfig;
import dev.gatehouse.engine.config.PathMatch;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.config.RouteConfig;
import dev.gatehouse.engine.config.RouteMatch;

import java.util.ArrayList;
import java.util.List;

/**
 * The pool and route the wizard proposes for a ModelArts service: the service's host endpoints,
 * discovered from then on, least-latency balancing, {@code /health} checks and the default circuit
 * breaker, and an AI route sending the model's requests to it. The user may change any of it first.
 */
public final class ModelArtsPool {

    private ModelArtsPool() {
    }

    /** A service instance as a pool endpoint: its address, TLS when its schema is https. */
    static EndpointConfig endpoint(HostEndpoint found) {
        return new EndpointConfig(found.ip(), found.port(), null, null, found.schema().equalsIgnoreCase("https"), null);
    }

    /**
     * @param credentials "vault:NAME" or "env", never a secret
     * @param endpoints   where the client reached the cloud; overrides are kept, the public ones are not written
     */
    public static PoolConfig pool(String name, CloudEndpoints endpoints, String projectId, String serviceId,
                                  String credentials, List<HostEndpoint> found) {
        requireNonNull(name, "name");
        List<EndpointConfig> members = found.stream().map(ModelArtsPool::endpoint).toList();
        String modelArts = endpoints.overrides().containsKey(CloudEndpoints.MODELARTS)
                ? endpoints.base(CloudEndpoints.MODELARTS).toString() : null;
        String iam = endpoints.overrides().containsKey(CloudEndpoints.IAM) ? endpoints.base(CloudEndpoints.IAM).toString() : null;
        ModelArtsDiscoveryConfig source = new ModelArtsDiscoveryConfig(endpoints.region(), projectId, serviceId,
                credentials, modelArts, iam, null, null);
        return new PoolConfig(name, BalancerConfig.of(BalancerConfig.Strategy.LEAST_LATENCY), members,
                HealthCheckConfig.defaults(), OutlierConfig.defaults()).withDiscovery(new DiscoveryConfig(source));
    }

    /** An AI route for requests naming {@code model} under {@code /v1/}, to {@code pool}. */
    public static RouteConfig route(String model, String pool) {
        RouteMatch match = new RouteMatch(null, PathMatch.prefix("/v1/"), null, null, List.of(model));
        return new RouteConfig(model, 100, match, pool, new AiRouteConfig(null, false, List.of(), null, null, null,
                null, null, null, null, null));
    }

    /** {@code config} with the pool and route added first in line; names must be free (the validator says if not). */
    public static GatewayConfig addTo(GatewayConfig config, PoolConfig pool, RouteConfig route) {
        List<PoolConfig> pools = new ArrayList<>(config.pools());
        pools.add(pool);
        List<RouteConfig> routes = new ArrayList<>(config.routes());
        routes.add(0, route);
        return config.withPools(pools).withRoutes(routes);
    }
}
