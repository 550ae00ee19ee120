package dev.gatehouse.engine.admin;

import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.accesslog.query.AccessLogQueries;
import dev.gatehouse.engine.accesslog.query.ExportProgress;
import dev.gatehouse.engine.accesslog.query.ExportResult;
import dev.gatehouse.engine.accesslog.query.LogPage;
import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.engine.accesslog.query.MinuteAggregate;
import dev.gatehouse.engine.accesslog.query.SlotCounts;
import dev.gatehouse.engine.accesslog.query.TopEntry;
import dev.gatehouse.engine.accesslog.store.StoreStats;
import dev.gatehouse.engine.config.ConfigError;
import dev.gatehouse.engine.config.ConfigException;
import dev.gatehouse.engine.config.ConfigValidator;
import dev.gatehouse.engine.config.ConfigVersion;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.health.ManagedHealth;
import dev.gatehouse.engine.server.EngineSnapshot;
import dev.gatehouse.engine.telemetry.MetricsSnapshot;
import dev.gatehouse.engine.telemetry.SeriesPoint;
import dev.gatehouse.engine.telemetry.backend.BackendMetricsSnapshot;
import dev.gatehouse.engine.upstream.Endpoint;
import dev.gatehouse.engine.upstream.UpstreamPool;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * {@link GatewayControl} over an engine in this process. Config changes go through
 * {@link ServedConfig}, so they are saved and coherent with edits of the served file; endpoint
 * actions reach the endpoints of the running snapshot.
 */
public final class EmbeddedGatewayControl implements GatewayControl {

    private final ServedConfig served;
    private final GatewayEngine engine;
    private final TrafficRecords traffic;
    private final Clock clock;
    private final Instant startedAt;

    /**
     * Uptime counts from now: make the control right after starting the engine. {@code traffic}
     * must be what the engine's options record into.
     */
    public EmbeddedGatewayControl(ServedConfig served, TrafficRecords traffic, Clock clock) {
        this.served = requireNonNull(served, "served");
        this.engine = served.engine();
        this.traffic = requireNonNull(traffic, "traffic");
        this.clock = requireNonNull(clock, "clock");
        this.startedAt = clock.instant();
    }

    public EmbeddedGatewayControl(ServedConfig served, TrafficRecords traffic) {
        this(served, traffic, Clock.systemUTC());
    }

    @Override
    public EngineStatus status() {
        List<String> addresses = engine.addresses().stream().map(EmbeddedGatewayControl::hostPort).toList();
        long uptime = Math.max(0, Duration.between(startedAt, clock.instant()).toMillis());
        return new EngineStatus(!addresses.isEmpty(), addresses, engine.snapshot().version(), uptime,
                Math.max(0, engine.inFlight()));
    }

    @Override
    public VersionedConfig config() {
        EngineSnapshot snapshot = engine.snapshot();
        return new VersionedConfig(snapshot.version(), snapshot.config());
    }

    @Override
    public ValidationResult validate(GatewayConfig config) {
        return ValidationResult.of(ConfigValidator.validate(requireNonNull(config, "config")));
    }

    @Override
    public ApplyResult apply(ApplyRequest request) {
        return changeConfig(() -> served.apply(request.config(), request.basedOnVersion()));
    }

    @Override
    public List<ConfigVersion> versions() {
        try {
            return served.store().versions();
        } catch (IOException e) {
            throw new ControlException(ControlException.Kind.INTERNAL, "cannot list config versions: " + e.getMessage(), e);
        }
    }

    @Override
    public ApplyResult rollback(long seq) {
        return changeConfig(() -> served.rollback(seq));
    }

    @Override
    public List<PoolHealth> endpointHealth() {
        EngineSnapshot snapshot = engine.snapshot();
        List<PoolHealth> pools = new ArrayList<>();
        for (PoolConfig config : snapshot.config().pools()) {
            UpstreamPool pool = snapshot.pool(config.name());
            pools.add(new PoolHealth(config.name(), pool.endpoints().stream().map(EmbeddedGatewayControl::statusOf).toList()));
        }
        return pools;
    }

    @Override
    public EndpointStatus drain(EndpointRef endpoint) {
        return act(endpoint, ManagedHealth::drain);
    }

    @Override
    public EndpointStatus eject(EndpointRef endpoint) {
        return act(endpoint, ManagedHealth::eject);
    }

    @Override
    public EndpointStatus restore(EndpointRef endpoint) {
        return act(endpoint, ManagedHealth::restore);
    }

    @Override
    public MetricsSnapshot metrics() {
        return traffic.telemetry().snapshot();
    }

    @Override
    public List<SeriesPoint> series(SeriesRequest request) {
        return traffic.telemetry().series(request.resolution(), request.from(), request.to(), request.filter());
    }

    @Override
    public BackendMetricsSnapshot backends() {
        return engine.backendMetrics();
    }

    @Override
    public LogPage logs(LogPageRequest request) {
        return query(q -> q.page(request.query(), request.after(), request.size()));
    }

    /** The longest range of per-minute figures one call returns (a month of minutes is 44,640 points). */
    static final Duration MAX_MINUTES_RANGE = Duration.ofDays(31);

    @Override
    public List<MinuteAggregate> logMinutes(LogQuery query) {
        long to = query.toMillis() != null ? query.toMillis() : clock.millis();
        long from = query.fromMillis() != null ? query.fromMillis() : to - Duration.ofDays(1).toMillis();
        if (to - from > MAX_MINUTES_RANGE.toMillis()) {
            throw new ControlException(ControlException.Kind.BAD_REQUEST, "per-minute figures cover at most "
                    + MAX_MINUTES_RANGE.toDays() + " days; narrow fromMillis/toMillis");
        }
        LogQuery bounded = query.toBuilder().between(from, to).build();
        return query(q -> q.perMinute(bounded));
    }

    /** The most slots one histogram has (a month of 10-minute slots is 4,464). */
    static final int MAX_HISTOGRAM_SLOTS = 10_000;

    @Override
    public List<SlotCounts> logHistogram(HistogramRequest request) {
        LogQuery query = request.query();
        long to = query.toMillis() != null ? query.toMillis() : clock.millis();
        long from = query.fromMillis() != null ? query.fromMillis() : to - Duration.ofDays(1).toMillis();
        if ((to - from) / request.slotMillis() > MAX_HISTOGRAM_SLOTS) {
            throw new ControlException(ControlException.Kind.BAD_REQUEST, "a histogram has at most "
                    + MAX_HISTOGRAM_SLOTS + " slots; widen slotMillis or narrow fromMillis/toMillis");
        }
        LogQuery bounded = query.toBuilder().between(from, to).build();
        return query(q -> q.histogram(bounded, request.slotMillis()));
    }

    @Override
    public List<TopEntry> logTop(TopRequest request) {
        return query(q -> q.top(request.query(), request.by(), request.order(), request.limit()));
    }

    @Override
    public StoreStats logStore() {
        if (traffic.logStore() == null) {
            throw noAccessLog();
        }
        return traffic.logStore().stats();
    }

    @Override
    public ExportResult exportLogs(ExportRequest request, OutputStream out, ExportProgress progress) {
        return query(q -> q.export(request.query(), request.format(), out, progress));
    }

    /** An access log question that may fail in the ways reading the database fails. */
    private interface LogQuestion<T> {
        T ask(AccessLogQueries queries) throws SQLException, IOException;
    }

    private <T> T query(LogQuestion<T> question) {
        if (traffic.logQueries() == null) {
            throw noAccessLog();
        }
        try {
            return question.ask(traffic.logQueries());
        } catch (IllegalArgumentException e) {
            throw new ControlException(ControlException.Kind.BAD_REQUEST, e.getMessage(), e);
        } catch (SQLException e) {
            throw new ControlException(ControlException.Kind.INTERNAL, "the access log could not answer: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ControlException(ControlException.Kind.UNAVAILABLE, "the export could not be written: " + e.getMessage(), e);
        }
    }

    private static ControlException noAccessLog() {
        return new ControlException(ControlException.Kind.UNAVAILABLE, "this engine keeps no access log");
    }

    private EndpointStatus act(EndpointRef ref, Consumer<ManagedHealth> action) {
        UpstreamPool pool = engine.snapshot().pool(ref.pool());
        if (pool == null) {
            throw new ControlException(ControlException.Kind.NOT_FOUND, "no pool named \"" + ref.pool() + "\"");
        }
        Endpoint endpoint = pool.endpoints().stream().filter(e -> e.address().equals(ref.address())).findFirst()
                .orElseThrow(() -> new ControlException(ControlException.Kind.NOT_FOUND,
                        "pool \"" + ref.pool() + "\" has no endpoint " + ref.address()));
        if (!(endpoint.health() instanceof ManagedHealth health)) {
            throw new ControlException(ControlException.Kind.UNAVAILABLE, endpoint + " cannot be drained or ejected");
        }
        action.accept(health);
        return statusOf(endpoint);
    }

    private static EndpointStatus statusOf(Endpoint endpoint) {
        int effective = endpoint.isAvailable() ? endpoint.effectiveWeight() : 0;
        return new EndpointStatus(endpoint.pool(), endpoint.address(), endpoint.health().state(), endpoint.weight(),
                effective, endpoint.inFlight());
    }

    private static String hostPort(InetSocketAddress address) {
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** A config change that may fail in the ways applying and saving fail. */
    private interface Change {
        long run() throws Exception;
    }

    private static ApplyResult changeConfig(Change change) {
        try {
            return new ApplyResult(change.run());
        } catch (ControlException e) {
            throw e;
        } catch (ConfigException e) {
            throw ControlException.invalidConfig(e.errors());
        } catch (BindException e) {
            // Netty rethrows the bind failure undeclared; it is the config's listener that cannot be used.
            throw ControlException.invalidConfig(List.of(new ConfigError("listeners", "cannot listen: " + e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlException(ControlException.Kind.UNAVAILABLE, "interrupted while applying the config", e);
        } catch (IOException e) {
            throw new ControlException(ControlException.Kind.INTERNAL, e.getMessage(), e);
        } catch (Exception e) {
            throw new ControlException(ControlException.Kind.INTERNAL, "could not apply the config: " + e, e);
        }
    }
}
