package dev.gatehouse.engine.discovery;

import dev.gatehouse.engine.admin.EndpointRef;
import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.cloud.CloudException;
import dev.gatehouse.engine.cloud.HostEndpoint;
import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.ModelArtsDiscoveryConfig;
import dev.gatehouse.engine.config.PoolConfig;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One pool's discovery: looks its source up when the interval has passed, adds endpoints that
 * appeared, drains those that vanished (no new requests, in-flight ones finish) and takes them out
 * of the pool once idle or past {@code drainTimeout}. A failed lookup changes nothing: a cloud
 * outage must not empty a pool that still works.
 */
final class PoolDiscovery implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PoolDiscovery.class.getName());

    private final String pool;
    private final ModelArtsDiscoveryConfig config;
    private final HostEndpointSource source;
    private final Map<String, Instant> draining = new LinkedHashMap<>();
    private Instant lastLookup;
    private List<HostEndpoint> found;
    private String lastError;

    PoolDiscovery(String pool, ModelArtsDiscoveryConfig config, HostEndpointSource source) {
        this.pool = pool;
        this.config = config;
        this.source = source;
    }

    ModelArtsDiscoveryConfig config() {
        return config;
    }

    /**
     * The pool as it should be now, draining or restoring endpoints through {@code control} on the way.
     *
     * @param inFlight requests in flight per endpoint address of this pool, as read before this pass
     */
    PoolConfig reconcile(PoolConfig current, Map<String, Integer> inFlight, Instant now, GatewayControl control) {
        Set<String> justDrained = new java.util.HashSet<>();
        List<EndpointConfig> endpoints = new ArrayList<>(current.endpoints());
        if (lastLookup == null || !now.isBefore(lastLookup.plus(config.interval()))) {
            lastLookup = now;
            try {
                found = List.copyOf(source.lookup());
                lastError = null;
            } catch (CloudException e) {
                lastError = e.getMessage();
                LOG.log(System.Logger.Level.WARNING, "pool " + pool + ": endpoints unchanged, " + e.getMessage());
            }
        }
        // The last answer is applied on every pass, not only after a lookup, so a pass whose apply
        // lost a race (or an endpoint edited away by hand) is put right on the next one.
        if (found != null) {
            apply(found, endpoints, now, control, justDrained);
        }
        // Leave the pool once idle, but never in the pass that started the drain: its in-flight
        // figure was read before the drain.
        draining.entrySet().removeIf(entry -> {
            String address = entry.getKey();
            boolean done = !justDrained.contains(address) && (inFlight.getOrDefault(address, 0) == 0
                    || !now.isBefore(entry.getValue().plus(config.drainTimeout())));
            if (done) {
                endpoints.removeIf(e -> e.address().equals(address));
            }
            return done;
        });
        return current.withEndpoints(endpoints);
    }

    private void apply(List<HostEndpoint> lookedUp, List<EndpointConfig> endpoints, Instant now,
                       GatewayControl control, Set<String> justDrained) {
        Set<String> present = lookedUp.stream().map(HostEndpoint::address).collect(Collectors.toSet());
        Set<String> known = endpoints.stream().map(EndpointConfig::address).collect(Collectors.toSet());
        for (HostEndpoint endpoint : lookedUp) {
            if (!known.contains(endpoint.address())) {
                endpoints.add(ModelArtsPool.endpoint(endpoint));
                known.add(endpoint.address());
            } else if (draining.remove(endpoint.address()) != null) {
                control.restore(new EndpointRef(pool, endpoint.address()));
            }
        }
        for (EndpointConfig endpoint : endpoints) {
            if (!present.contains(endpoint.address()) && !draining.containsKey(endpoint.address())) {
                control.drain(new EndpointRef(pool, endpoint.address()));
                draining.put(endpoint.address(), now);
                justDrained.add(endpoint.address());
            }
        }
    }

    DiscoveryStatus status() {
        List<String> addresses = found == null ? List.of() : found.stream().map(HostEndpoint::address).toList();
        return new DiscoveryStatus(pool, lastLookup, addresses, List.copyOf(draining.keySet()), lastError);
    }

    @Override
    public void close() {
        source.close();
    }
}
