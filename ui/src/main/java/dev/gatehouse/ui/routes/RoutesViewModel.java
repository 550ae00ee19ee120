package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.admin.ApplyRequest;
import dev.gatehouse.engine.admin.ControlException;
import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.admin.VersionedConfig;
import dev.gatehouse.engine.config.AiRouteConfig;
import dev.gatehouse.engine.config.BalancerConfig;
import dev.gatehouse.engine.config.ConfigCodec;
import dev.gatehouse.engine.config.ConfigException;
import dev.gatehouse.engine.config.ConfigVersion;
import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.HealthCheckConfig;
import dev.gatehouse.engine.config.OutlierConfig;
import dev.gatehouse.ui.routes.TopologyFeed.EndpointAction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import static java.util.Objects.requireNonNull;

/**
 * The Routes &amp; Pools screen without nodes: the draft and its edits (each undoable), the running
 * config it is compared and applied against, the kept versions for rollback, import/export and the
 * live topology. Engine calls and file I/O run on {@code background}, results come back on
 * {@code fx}; every method is to be called on the FX thread. Edits that make no sense (a duplicate
 * name, an unknown pool) change nothing and say why in {@link #messageProperty()}.
 */
public final class RoutesViewModel {

    private final GatewayControl control;
    private final Async async;
    private final ConfigCodec codec = new ConfigCodec();
    private final DraftModel draft;
    private final TopologyFeed topology;
    private final ReadOnlyObjectWrapper<VersionedConfig> running =
            new ReadOnlyObjectWrapper<>(this, "running", new VersionedConfig(0, emptyConfig()));
    private final ReadOnlyBooleanWrapper conflict = new ReadOnlyBooleanWrapper(this, "conflict");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<List<String>> importErrors =
            new ReadOnlyObjectWrapper<>(this, "importErrors", List.of());
    private final ObservableList<ConfigVersion> versions = FXCollections.observableArrayList();
    // One wrapper for everyone: a wrapper listens to the list weakly, so one made per call could
    // be collected together with the listeners put on it.
    private final ObservableList<ConfigVersion> readOnlyVersions = FXCollections.unmodifiableObservableList(versions);
    private final ObjectProperty<ItemRef> selection = new SimpleObjectProperty<>(this, "selection");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");

    public RoutesViewModel(GatewayControl control, QpsSource qps, Executor background, Executor fx) {
        this.control = requireNonNull(control, "control");
        this.async = new Async(background, fx);
        this.draft = new DraftModel(emptyConfig(), async);
        this.topology = new TopologyFeed(control, qps, async, draft::draft, message::set);
        BooleanBinding differs = Bindings.createBooleanBinding(
                () -> !draft.draft().equals(running.get().config()), draft.draftProperty(), running);
        dirty.bind(differs);
        draft.draftProperty().addListener((o, before, after) -> topology.redraw());
    }

    /** Reads the running config and the kept versions; the draft starts as the running config. */
    public void load() {
        busy.set(true);
        async.run(control::config, config -> {
            busy.set(false);
            running.set(config);
            draft.reset(config.config());
            conflict.set(false);
            refreshVersions();
            topology.poll();
        }, this::failed);
    }

    // ---- edits: each is one undoable step ----

    /** Applies any edit of the draft as one undoable step named {@code label}; false if refused or a no-op. */
    public boolean edit(String label, UnaryOperator<GatewayConfig> change) {
        try {
            return draft.edit(label, change);
        } catch (IllegalArgumentException e) {
            message.set(label + " refused: " + e.getMessage());
            return false;
        }
    }

    public boolean addRoute(String name, String pool) {
        return edit("add route " + name, c -> RouteEdits.add(c, name, pool)) && select(ItemRef.route(name));
    }

    public boolean renameRoute(String name, String newName) {
        return edit("rename route " + name + " to " + newName, c -> RouteEdits.rename(c, name, newName))
                && reselect(ItemRef.route(name), ItemRef.route(newName));
    }

    public boolean deleteRoute(String name) {
        return edit("delete route " + name, c -> RouteEdits.delete(c, name));
    }

    /** Sends a route's requests to {@code pool} (what dropping a route on a pool does). */
    public boolean attachRoute(String route, String pool) {
        return edit("attach route " + route + " to pool " + pool, c -> {
            PoolEdits.find(c, pool);
            return RouteEdits.attach(c, route, pool);
        });
    }

    public boolean setRouteAi(String route, AiRouteConfig ai) {
        return edit((ai == null ? "remove AI policies of route " : "set AI policies of route ") + route,
                c -> RouteEdits.setAi(c, route, ai));
    }

    public boolean addPool(String name) {
        return edit("add pool " + name, c -> PoolEdits.add(c, name)) && select(ItemRef.pool(name));
    }

    public boolean renamePool(String name, String newName) {
        return edit("rename pool " + name + " to " + newName, c -> PoolEdits.rename(c, name, newName))
                && reselect(ItemRef.pool(name), ItemRef.pool(newName));
    }

    public boolean deletePool(String name) {
        return edit("delete pool " + name, c -> PoolEdits.delete(c, name));
    }

    public boolean setBalancer(String pool, BalancerConfig balancer) {
        return edit("set balancing of pool " + pool, c -> PoolEdits.setBalancer(c, pool, balancer));
    }

    public boolean setHealthCheck(String pool, HealthCheckConfig check) {
        return edit("set health check of pool " + pool, c -> PoolEdits.setHealthCheck(c, pool, check));
    }

    public boolean setCircuitBreaker(String pool, OutlierConfig outlier) {
        return edit("set circuit breaker of pool " + pool, c -> PoolEdits.setOutlier(c, pool, outlier));
    }

    public boolean addEndpoint(String pool, String host, int port) {
        return addEndpoint(pool, host + ":" + port);
    }

    /** Adds {@code host:port} to a pool with the default weight; other text is refused with a message. */
    public boolean addEndpoint(String pool, String address) {
        String label = "add endpoint " + address + " to pool " + pool;
        EndpointConfig endpoint;
        try {
            endpoint = PoolEdits.parseAddress(address);
        } catch (IllegalArgumentException e) {
            message.set(label + " refused: " + e.getMessage());
            return false;
        }
        return edit(label, c -> PoolEdits.addEndpoint(c, pool, endpoint))
                && select(ItemRef.endpoint(pool, endpoint.address()));
    }

    public boolean removeEndpoint(ItemRef endpoint) {
        return edit("remove endpoint " + endpoint.address() + " from pool " + endpoint.name(),
                c -> PoolEdits.removeEndpoint(c, endpoint.name(), endpoint.address()));
    }

    /** Moves an endpoint to another pool (what dragging it onto that pool does). */
    public boolean moveEndpoint(ItemRef endpoint, String toPool) {
        return edit("move endpoint " + endpoint.address() + " to pool " + toPool,
                c -> PoolEdits.moveEndpoint(c, endpoint.name(), endpoint.address(), toPool))
                && reselect(endpoint, ItemRef.endpoint(toPool, endpoint.address()));
    }

    public boolean setWeight(ItemRef endpoint, int weight) {
        return edit("set weight of " + endpoint.address() + " to " + weight,
                c -> PoolEdits.setWeight(c, endpoint.name(), endpoint.address(), weight));
    }

    /** Replaces an endpoint's settings; its address may change, and the selection follows it. */
    public boolean updateEndpoint(ItemRef endpoint, EndpointConfig replacement) {
        return edit("change endpoint " + endpoint.address(),
                c -> PoolEdits.updateEndpoint(c, endpoint.name(), endpoint.address(), e -> replacement))
                && reselect(endpoint, ItemRef.endpoint(endpoint.name(), replacement.address()));
    }

    public boolean undo() {
        return draft.undo();
    }

    public boolean redo() {
        return draft.redo();
    }

    // ---- diff, apply, conflicts, rollback ----

    /** What Apply would change, as readable lines; empty when the draft is the running config. */
    public List<DiffLine> diff() {
        return ConfigDiff.between(running.get().config(), draft.draft());
    }

    /**
     * Applies the draft as a hot reload based on the running version. If someone else applied
     * since, nothing is applied and {@link #conflictProperty()} turns true: {@link #reload} then
     * takes their config (the draft stays one undo away). Errors the engine finds show at their fields.
     */
    public void apply() {
        GatewayConfig applied = draft.draft();
        long basedOn = running.get().version();
        busy.set(true);
        async.run(() -> control.apply(ApplyRequest.basedOn(applied, basedOn)), result -> {
            busy.set(false);
            running.set(new VersionedConfig(result.configVersion(), applied));
            message.set("applied as version " + result.configVersion());
            refreshVersions();
            topology.poll();
        }, this::failed);
    }

    /** Makes the running config (someone else's, after a conflict) the draft, as one undoable step. */
    public void reload() {
        busy.set(true);
        async.run(control::config, config -> {
            busy.set(false);
            running.set(config);
            conflict.set(false);
            draft.edit("reload running version " + config.version(), c -> config.config());
            message.set("reloaded the running config, version " + config.version());
            refreshVersions();
        }, this::failed);
    }

    /** Runs kept version {@code seq} again; the draft becomes it (one undo brings back the edits). */
    public void rollback(long seq) {
        busy.set(true);
        async.run(() -> {
            control.rollback(seq);
            return control.config();
        }, config -> {
            busy.set(false);
            running.set(config);
            conflict.set(false);
            draft.edit("roll back to version " + seq, c -> config.config());
            message.set("rolled back to kept version " + seq + ", now running as version " + config.version());
            refreshVersions();
            topology.poll();
        }, this::failed);
    }

    public void refreshVersions() {
        async.run(control::versions, versions::setAll, this::failed);
    }

    // ---- import and export ----

    /** The draft as JSON, as the engine saves it. */
    public String exportJson() {
        return codec.write(draft.draft());
    }

    /**
     * Makes {@code json} the draft as one undoable step; if it cannot be read, the draft is left
     * as it was and {@link #importErrorsProperty()} lists each problem with its path.
     */
    public boolean importJson(String json) {
        return take(parse(json));
    }

    /** Reads and parses the file off the FX thread (a 10,000-route config is a large parse); takes it on it. */
    public void importFile(Path file) {
        async.run(() -> parse(Files.readString(file)), this::take, this::failed);
    }

    /** Writes the draft as it is now; serialising and writing happen off the FX thread. */
    public void exportFile(Path file) {
        GatewayConfig config = draft.draft();
        async.run(() -> Files.writeString(file, codec.write(config)), written -> message.set("exported to " + file),
                this::failed);
    }

    /** A parsed config, or why it is not one. */
    private record Parsed(GatewayConfig config, ConfigException problem) {
    }

    private Parsed parse(String json) {
        try {
            return new Parsed(codec.parse(json), null);
        } catch (ConfigException e) {
            return new Parsed(null, e);
        }
    }

    private boolean take(Parsed parsed) {
        if (parsed.problem() != null) {
            List<?> errors = parsed.problem().errors();
            importErrors.set(errors.stream().map(Object::toString).toList());
            message.set("import refused: " + errors.size() + (errors.size() == 1 ? " problem" : " problems"));
            return false;
        }
        importErrors.set(List.of());
        return edit("import", c -> parsed.config());
    }

    // ---- topology ----

    /** One health and QPS poll of the engine; the page calls it at 1 Hz. */
    public void refreshTopology() {
        topology.poll();
    }

    public void drain(ItemRef endpoint) {
        topology.act(EndpointAction.DRAIN, endpoint);
    }

    public void eject(ItemRef endpoint) {
        topology.act(EndpointAction.EJECT, endpoint);
    }

    public void restore(ItemRef endpoint) {
        topology.act(EndpointAction.RESTORE, endpoint);
    }

    /** Selects the first route, pool or endpoint whose name or address contains {@code text}, if any. */
    public boolean find(String text) {
        return Search.first(topology.topologyProperty().get(), text).map(this::select).orElse(false);
    }

    private void failed(Exception failure) {
        busy.set(false);
        if (failure instanceof ControlException e) {
            switch (e.kind()) {
                case CONFLICT -> {
                    conflict.set(true);
                    message.set("someone else applied a change since version " + running.get().version()
                            + ": reload to see it; nothing was applied");
                }
                case INVALID_CONFIG -> {
                    draft.showErrors(FieldErrors.place(draft.draft(), e.errors()));
                    message.set("not applied: " + e.getMessage());
                }
                default -> message.set(e.kind() + ": " + e.getMessage());
            }
        } else {
            message.set(String.valueOf(failure.getMessage()));
        }
    }

    private boolean select(ItemRef item) {
        selection.set(item);
        return true;
    }

    private boolean reselect(ItemRef before, ItemRef after) {
        if (before.equals(selection.get())) {
            selection.set(after);
        }
        return true;
    }

    private static GatewayConfig emptyConfig() {
        return new GatewayConfig(List.of(), List.of(), List.of(), null);
    }

    // ---- properties ----

    public DraftModel draft() {
        return draft;
    }

    public ReadOnlyObjectProperty<VersionedConfig> runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True while the draft differs from the running config. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last thing worth telling the user: an applied version, a refusal, a failure. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<String>> importErrorsProperty() {
        return importErrors.getReadOnlyProperty();
    }

    /** Kept versions for rollback, newest first. */
    public ObservableList<ConfigVersion> versions() {
        return readOnlyVersions;
    }

    public ReadOnlyObjectProperty<Topology> topologyProperty() {
        return topology.topologyProperty();
    }

    /** The route, pool or endpoint the property form shows; the view sets it on click. */
    public ObjectProperty<ItemRef> selectionProperty() {
        return selection;
    }
}
