package dev.gatehouse.engine.balance;

import dev.gatehouse.engine.config.BalancerConfig;
import dev.gatehouse.engine.upstream.Endpoint;

import java.util.List;

/**
 * Picks the endpoint of a pool that gets the next request. One instance per pool and config
 * snapshot; built off the request path when the endpoint list changes. {@link #pick} is called
 * concurrently from every event loop, must not block, and skips endpoints that are not
 * {@link Endpoint#isAvailable() available}.
 */
public interface LoadBalancer {

    /** The endpoint for this request, or {@code null} when no endpoint is available. */
    Endpoint pick(PickContext context);

    /** The endpoints this balancer chooses from, in pool order. */
    List<Endpoint> endpoints();

    /** Builds the strategy {@code config} names over {@code endpoints}. */
    static LoadBalancer create(BalancerConfig config, List<Endpoint> endpoints) {
        return LoadBalancers.create(config, endpoints);
    }
}
