package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.admin.EndpointRef;
import dev.gatehouse.engine.admin.EndpointStatus;
import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.admin.PoolHealth;
import dev.gatehouse.engine.config.GatewayConfig;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Keeps the {@link Topology} current: redrawn from the draft after every edit, and with the
 * engine's endpoint health and QPS after every {@link #poll}, which asks the engine once off the FX
 * thread and applies the whole answer in one FX step. A poll that finds the previous one still
 * running is skipped, so a slow engine never piles up calls. Drain, eject and restore go here too.
 */
final class TopologyFeed {

    /** What an operator can do to a running endpoint from its context menu. */
    enum EndpointAction { DRAIN, EJECT, RESTORE }

    private final GatewayControl control;
    private final QpsSource qpsSource;
    private final Async async;
    private final Supplier<GatewayConfig> draft;
    private final Consumer<String> report;
    private final ReadOnlyObjectWrapper<Topology> topology = new ReadOnlyObjectWrapper<>(this, "topology", Topology.EMPTY);
    private List<PoolHealth> health = List.of();
    private Map<String, Double> qps = Map.of();
    private boolean polling;

    TopologyFeed(GatewayControl control, QpsSource qpsSource, Async async, Supplier<GatewayConfig> draft,
                 Consumer<String> report) {
        this.control = control;
        this.qpsSource = qpsSource;
        this.async = async;
        this.draft = draft;
        this.report = report;
    }

    /** One health and QPS poll; call at 1 Hz on the FX thread. */
    void poll() {
        if (polling) {
            return;
        }
        polling = true;
        async.run(() -> new Poll(control.endpointHealth(), qpsSource.qpsByAddress()), poll -> {
            polling = false;
            health = poll.health();
            qps = poll.qps();
            redraw();
        }, failure -> {
            polling = false;
            report.accept("cannot read endpoint health: " + failure.getMessage());
        });
    }

    void redraw() {
        // The graph rebuilds its nodes on every change: an unchanged poll (records compare by value) is none.
        Topology next = Topology.of(draft.get(), health, qps);
        if (!next.equals(topology.get())) {
            topology.set(next);
        }
    }

    void act(EndpointAction action, ItemRef endpoint) {
        if (endpoint.kind() != ItemRef.Kind.ENDPOINT) {
            throw new IllegalArgumentException("not an endpoint: " + endpoint);
        }
        EndpointRef ref = new EndpointRef(endpoint.name(), endpoint.address());
        Function<EndpointRef, EndpointStatus> call = switch (action) {
            case DRAIN -> control::drain;
            case EJECT -> control::eject;
            case RESTORE -> control::restore;
        };
        async.run(() -> call.apply(ref), status -> {
            report.accept(endpoint.address() + " in pool " + endpoint.name() + " is now "
                    + EndpointHealth.of(status.state()).label());
            poll();
        }, failure -> report.accept("cannot " + action.name().toLowerCase(Locale.ROOT) + " "
                + endpoint.address() + ": " + failure.getMessage()));
    }

    ReadOnlyObjectProperty<Topology> topologyProperty() {
        return topology.getReadOnlyProperty();
    }

    private record Poll(List<PoolHealth> health, Map<String, Double> qps) {
    }
}
