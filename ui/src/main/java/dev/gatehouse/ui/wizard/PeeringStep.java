package dev.gatehouse.ui.wizard;

import dev.gatehouse.engine.cloud.Cancellation;
import dev.gatehouse.engine.cloud.HuaweiCloud;
import dev.gatehouse.engine.cloud.Peering;
import dev.gatehouse.engine.cloud.PoolNetwork;
import dev.gatehouse.engine.cloud.Progress;
import dev.gatehouse.engine.cloud.Subnet;
import dev.gatehouse.engine.cloud.Vpc;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The peering page: connect the pool's network to the VPC, accept the peering this leaves pending
 * in the VPC, wait for it to become ACTIVE and add the route to the network's CIDR. Run by
 * {@link #prepare}d jobs, which start at the first task not yet done, so a retry repeats nothing.
 */
public final class PeeringStep {

    static final Duration ACTIVATION_TIMEOUT = Duration.ofMinutes(5);
    private static final int CONNECT = 0;
    private static final int ACCEPT = 1;
    private static final int ACTIVE = 2;
    private static final int ROUTE = 3;

    private final Executor fx;
    private final ObservableList<TaskLine> tasks = FXCollections.observableArrayList();
    private final StringProperty peeringId = new SimpleStringProperty("");
    private final BooleanBinding done = Bindings.createBooleanBinding(
            () -> !tasks.isEmpty() && tasks.stream().allMatch(TaskLine::settled), tasks);
    private final BooleanBinding started = Bindings.createBooleanBinding(
            () -> tasks.stream().anyMatch(t -> t.state() != TaskLine.State.WAITING), tasks);
    private String plannedFor = "";
    private PoolNetwork network;
    private Vpc vpc;
    private Subnet subnet;

    PeeringStep(Executor fx) {
        this.fx = fx;
    }

    /** Lists the tasks for this network and VPC; keeps their progress if they are the ones already listed. */
    void plan(PoolNetwork newNetwork, Vpc newVpc, Subnet newSubnet) {
        String key = newNetwork.name() + "/" + newVpc.id() + "/" + newSubnet.id();
        if (key.equals(plannedFor)) {
            return;
        }
        plannedFor = key;
        network = newNetwork;
        vpc = newVpc;
        subnet = newSubnet;
        tasks.setAll(
                TaskLine.waiting("Connect network " + network.name() + " (" + network.cidr() + ") to VPC " + vpc.name()
                        + ", subnet " + subnet.name()),
                TaskLine.waiting("Accept the peering the connection leaves pending in VPC " + vpc.name()),
                TaskLine.waiting("Wait for the peering to become ACTIVE"),
                TaskLine.waiting("Add a route in VPC " + vpc.name() + " to " + network.cidr() + " through the peering"));
        if (network.connectedTo(vpc.id())) {
            tasks.set(CONNECT, tasks.get(CONNECT).with(TaskLine.State.SKIPPED, "already connected, nothing to create"));
        }
    }

    /**
     * The remaining tasks as they stand now (call on the FX thread); its {@code run} does them on
     * the background thread, so a retry, which prepares again, starts at the task that failed.
     */
    Job prepare() {
        return new Job(tasks.stream().map(TaskLine::settled).toList(), peeringId.get().strip());
    }

    /** One run over the tasks not settled when it was prepared. */
    final class Job {
        private final List<Boolean> settled;
        private String peering;

        private Job(List<Boolean> settled, String peering) {
            this.settled = settled;
            this.peering = peering;
        }

        Void run(HuaweiCloud cloud, Cancellation cancellation, Progress progress) {
            for (int i = 0; i < settled.size(); i++) {
                if (settled.get(i)) {
                    continue;
                }
                cancellation.check("connect the network");
                if (i == ACCEPT && peering.isEmpty()) {
                    peering = pendingPeering(cloud);
                }
                if (i >= ACCEPT && peering.isEmpty()) {
                    mark(i, TaskLine.State.SKIPPED, "no peering waits in VPC " + vpc.name()
                            + ": accept it and add the route in the VPC console");
                    continue;
                }
                mark(i, TaskLine.State.RUNNING, "");
                try {
                    mark(i, TaskLine.State.DONE, runTask(i, cloud, peering, cancellation, progress));
                } catch (RuntimeException e) {
                    mark(i, TaskLine.State.FAILED, StepRunner.describe(e));
                    throw e;
                }
                progress.report((i + 1) / (double) settled.size(), "task " + (i + 1) + " of " + settled.size() + " done");
            }
            return null;
        }
    }

    /**
     * The peering that connecting the network left waiting for acceptance in the VPC, found by
     * listing the VPC's peerings (and shown in the id field); empty when none waits. Several
     * waiting is a question only the user can answer: the step fails and asks for the id.
     */
    private String pendingPeering(HuaweiCloud cloud) {
        List<Peering> waiting = cloud.vpc().listPeerings(vpc.id()).stream()
                .filter(p -> p.acceptVpcId().equals(vpc.id()) && p.status().equals("PENDING_ACCEPTANCE"))
                .toList();
        if (waiting.size() > 1) {
            throw new IllegalStateException(waiting.size() + " peerings wait for acceptance in VPC " + vpc.name() + " ("
                    + String.join(", ", waiting.stream().map(Peering::name).toList())
                    + "): enter the id of the one to accept and press Retry");
        }
        String found = waiting.isEmpty() ? "" : waiting.get(0).id();
        fx.execute(() -> peeringId.set(found));
        return found;
    }

    private String runTask(int task, HuaweiCloud cloud, String peering, Cancellation cancellation, Progress progress) {
        return switch (task) {
            case CONNECT -> {
                PoolNetwork after = cloud.modelArts().connectVpc(network.name(), vpc.id(), subnet.id());
                yield "connected (" + after.connections().size() + " VPC connection(s))";
            }
            case ACCEPT -> "peering " + cloud.vpc().acceptPeering(peering).status();
            case ACTIVE -> {
                // The wait's own states go to the task line too, so the page shows them live.
                Progress both = (fraction, status) -> {
                    progress.report(fraction, status);
                    mark(task, TaskLine.State.RUNNING, status);
                };
                yield "peering " + cloud.vpc().awaitPeeringActive(peering, ACTIVATION_TIMEOUT, cancellation, both).status();
            }
            case ROUTE -> "route " + cloud.vpc().addPeeringRoute(vpc.id(), network.cidr(), peering);
            default -> throw new IllegalStateException("no task " + task);
        };
    }

    private void mark(int task, TaskLine.State state, String detail) {
        fx.execute(() -> tasks.set(task, tasks.get(task).with(state, detail)));
    }

    public ObservableList<TaskLine> tasks() {
        return tasks;
    }

    /**
     * The id of the peering to accept. Left blank, the wizard finds the one waiting in the VPC;
     * the user gives it only when several wait (the VPC console lists them under Peering Connections).
     */
    public StringProperty peeringIdProperty() {
        return peeringId;
    }

    /** Every task done or skipped: Next may go on. */
    public BooleanBinding doneBinding() {
        return done;
    }

    /** Some task ran: the confirmation has been given. */
    public BooleanBinding startedBinding() {
        return started;
    }
}
