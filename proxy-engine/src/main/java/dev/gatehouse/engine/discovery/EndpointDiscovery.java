package dev.gatehouse.engine.discovery;

import dev.gatehouse.engine.admin.ApplyRequest;
import dev.gatehouse.engine.admin.ControlException;
import dev.gatehouse.engine.admin.EndpointStatus;
import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.admin.PoolHealth;
import dev.gatehouse.engine.admin.VersionedConfig;
import dev.gatehouse.engine.cloud.CloudException;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.ModelArtsDiscoveryConfig;
import dev.gatehouse.engine.config.PoolConfig;

import io.netty.util.concurrent.DefaultThreadFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the endpoints of every pool with a {@code discovery} source in step with the cloud, on its
 * own thread: each pass reads the running config, lets each pool's {@link PoolDiscovery} work out
 * its endpoints, and applies any change as a hot reload through the {@link GatewayControl} (saved
 * as a new config version like any other change; an apply that raced another is redone next pass).
 */
public final class EndpointDiscovery implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EndpointDiscovery.class.getName());

    private final GatewayControl control;
    private final SourceFactory sources;
    private final Clock clock;
    private final Map<String, PoolDiscovery> pools = new LinkedHashMap<>();
    private final Map<String, FailedOpen> failedOpens = new HashMap<>();
    private ScheduledExecutorService executor;

    public EndpointDiscovery(GatewayControl control, SourceFactory sources, Clock clock) {
        this.control = control;
        this.sources = sources;
        this.clock = clock;
    }

    /** Runs {@link #refresh} every {@code tick} (1 s is fine: each pool looks up only at its own interval). */
    public synchronized EndpointDiscovery start(Duration tick) {
        executor = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("gatehouse-discovery", true));
        executor.scheduleWithFixedDelay(this::refreshQuietly, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One pass over every discovered pool; returns whether the config changed. */
    public synchronized boolean refresh() {
        VersionedConfig running = control.config();
        GatewayConfig config = running.config();
        Map<String, Map<String, Integer>> inFlight = null;
        List<PoolConfig> updated = new ArrayList<>(config.pools());
        Map<String, ModelArtsDiscoveryConfig> wanted = new HashMap<>();
        boolean changed = false;
        for (int i = 0; i < updated.size(); i++) {
            PoolConfig pool = updated.get(i);
            ModelArtsDiscoveryConfig source = pool.discovery() == null ? null : pool.discovery().modelarts();
            if (source == null) {
                continue;
            }
            wanted.put(pool.name(), source);
            PoolDiscovery discovery = discoveryOf(pool.name(), source);
            if (discovery == null) {
                continue;
            }
            if (inFlight == null) {
                inFlight = inFlight();
            }
            PoolConfig next = discovery.reconcile(pool, inFlight.getOrDefault(pool.name(), Map.of()), clock.instant(), control);
            if (!next.equals(pool)) {
                updated.set(i, next);
                changed = true;
            }
        }
        pools.entrySet().removeIf(e -> {
            boolean gone = !e.getValue().config().equals(wanted.get(e.getKey()));
            if (gone) {
                e.getValue().close();
            }
            return gone;
        });
        if (changed) {
            control.apply(ApplyRequest.basedOn(config.withPools(updated), running.version()));
        }
        return changed;
    }

    private record FailedOpen(ModelArtsDiscoveryConfig source, Instant retryAt) {
    }

    /** Every discovered pool's last lookup, findings and drains. */
    public synchronized List<DiscoveryStatus> status() {
        return pools.values().stream().map(PoolDiscovery::status).toList();
    }

    private PoolDiscovery discoveryOf(String pool, ModelArtsDiscoveryConfig source) {
        PoolDiscovery existing = pools.get(pool);
        if (existing != null && existing.config().equals(source)) {
            return existing;
        }
        if (existing != null) {
            existing.close();
            pools.remove(pool);
        }
        // A source that could not be opened (credentials missing, say) is tried again after its
        // interval, not on every tick: each try reads the vault and would log the same warning.
        FailedOpen failed = failedOpens.get(pool);
        if (failed != null && failed.source().equals(source) && clock.instant().isBefore(failed.retryAt())) {
            return null;
        }
        try {
            PoolDiscovery opened = new PoolDiscovery(pool, source, sources.open(pool, source));
            failedOpens.remove(pool);
            pools.put(pool, opened);
            return opened;
        } catch (CloudException e) {
            LOG.log(System.Logger.Level.WARNING, "pool " + pool + ": cannot discover endpoints: " + e.getMessage());
            failedOpens.put(pool, new FailedOpen(source, clock.instant().plus(source.interval())));
            return null;
        }
    }

    private Map<String, Map<String, Integer>> inFlight() {
        Map<String, Map<String, Integer>> byPool = new HashMap<>();
        for (PoolHealth pool : control.endpointHealth()) {
            Map<String, Integer> counts = new HashMap<>();
            for (EndpointStatus endpoint : pool.endpoints()) {
                counts.put(endpoint.address(), endpoint.inFlight());
            }
            byPool.put(pool.pool(), counts);
        }
        return byPool;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (ControlException | CloudException e) {
            LOG.log(System.Logger.Level.WARNING, "endpoint discovery: " + e.getMessage() + "; trying again next pass");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "endpoint discovery failed", e);
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
        pools.values().forEach(PoolDiscovery::close);
        pools.clear();
    }
}
