package dev.gatehouse.ui.wizard;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.cloud.CloudCredentials;
import dev.gatehouse.engine.cloud.CloudEndpoints;
import dev.gatehouse.engine.cloud.Flavor;
import dev.gatehouse.engine.cloud.HostEndpoint;
import dev.gatehouse.engine.cloud.HuaweiCloud;
import dev.gatehouse.engine.cloud.Image;
import dev.gatehouse.engine.cloud.PoolNetwork;
import dev.gatehouse.engine.cloud.ResourcePool;
import dev.gatehouse.engine.cloud.ServerInfo;
import dev.gatehouse.engine.cloud.Vpc;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.config.RouteConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The wizard's state and commands, without nodes: which page is shown, each page's fields and
 * what the cloud offered, Next (which loads what the next page needs, signing in first), Back
 * (which keeps every field), the two Create commands that change the cloud once confirmed, Cancel,
 * Retry, and Apply, which adds the new pool and route to the running gateway.
 */
public final class WizardViewModel {

    /** Opens a connection to the cloud; tests can point it at other options. */
    public static final BiFunction<CloudEndpoints, CloudCredentials, HuaweiCloud> CONNECT = HuaweiCloud::connect;

    private final GatewayControl control;
    private final VaultAccess vault;
    private final BiFunction<CloudEndpoints, CloudCredentials, HuaweiCloud> connect;
    private final StepRunner runner;
    private final ObjectProperty<WizardStep> step = new SimpleObjectProperty<>(WizardStep.CREDENTIALS);
    private final CredentialsForm credentials = new CredentialsForm();
    private final CloudChoices choices = new CloudChoices();
    private final PeeringStep peering;
    private final ServerStep server = new ServerStep();
    private final ObservableList<EndpointCheck> endpoints = FXCollections.observableArrayList();
    private final GatewayForm gateway = new GatewayForm();
    private final NewVpcForm newVpc = new NewVpcForm();
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty applied = new SimpleStringProperty("");
    private final BooleanBinding canGoOn;
    private HuaweiCloud cloud;
    private CloudEndpoints signedInAt;
    private CloudCredentials signedInWith;
    private final Executor background;
    private String projectId;
    private SimulatorPrefill simulator;
    private Set<String> runningPools = Set.of();
    private Set<String> runningRoutes = Set.of();

    public WizardViewModel(GatewayControl control, VaultAccess vault,
                           BiFunction<CloudEndpoints, CloudCredentials, HuaweiCloud> connect,
                           Executor background, Executor fx) {
        this.control = requireNonNull(control, "control");
        this.vault = requireNonNull(vault, "vault");
        this.connect = requireNonNull(connect, "connect");
        this.background = requireNonNull(background, "background");
        this.runner = new StepRunner(background, requireNonNull(fx, "fx"));
        this.peering = new PeeringStep(fx);
        Observable[] watched = concat(credentials.fields(), server.fields(), gateway.fields(),
                new Observable[] {step, choices.poolProperty(), choices.vpcProperty(),
                    choices.subnetProperty(), choices.serviceProperty()});
        for (Observable field : watched) {
            field.addListener(o -> problem.set(currentProblem()));
        }
        choices.vpcProperty().addListener((o, old, now) -> loadSubnets());
        server.existingProperty().addListener((o, old, now) -> pickExisting());
        server.createNewProperty().addListener((o, old, now) -> pickExisting());
        canGoOn = Bindings.createBooleanBinding(this::mayGoOn, step, problem, runner.busyProperty(),
                peering.doneBinding(), server.readyProperty(), endpoints);
        problem.set(currentProblem());
    }

    /** Reads the running config (for names already taken) and, when the console serves the demo, prefills its simulator. */
    public void open() {
        runner.run("Reading the running config", (c, p) -> {
            GatewayConfig running = control.config().config();
            return new Opened(running.pools().stream().map(PoolConfig::name).collect(Collectors.toSet()),
                    running.routes().stream().map(RouteConfig::name).collect(Collectors.toSet()),
                    SimulatorPrefill.find(running, vault.openOrNull()).orElse(null));
        }, opened -> {
            runningPools = opened.pools();
            runningRoutes = opened.routes();
            if (opened.simulator() != null && !credentials.simulatorProperty().get()) {
                simulator = opened.simulator();
                credentials.prefill(simulator);
            }
        });
    }

    /** Goes to the next page once this one is valid, first loading (or signing in for) what it needs. */
    public void next() {
        if (!canGoOn.get()) {
            return;
        }
        // Read here, on the FX thread: the jobs below run on the background one.
        HuaweiCloud signedIn = cloud;
        var pool = choices.poolProperty().get();
        switch (step.get()) {
            case CREDENTIALS -> signIn();
            case RESOURCE_POOL -> runner.run("Reading the network of " + pool.displayName(),
                    (c, p) -> new PoolStart(signedIn.modelArts().network(pool.networkName()), signedIn.vpc().listVpcs()),
                    start -> {
                        choices.networkProperty().set(start.network());
                        CloudChoices.offer(choices.vpcs(), start.vpcs(), choices.vpcProperty());
                        go(WizardStep.VPC);
                    });
            case VPC -> {
                peering.plan(choices.networkProperty().get(), choices.vpcProperty().get(), choices.subnetProperty().get());
                go(WizardStep.PEERING);
            }
            case PEERING -> runner.run("Listing flavors, images and servers",
                    (c, p) -> new ServerOptions(signedIn.ecs().listFlavors(), signedIn.ecs().listImages(),
                            signedIn.ecs().listServers()),
                    options -> {
                        CloudChoices.offer(server.flavors(), options.flavors(), server.flavorProperty());
                        CloudChoices.offer(server.images(), options.images(), server.imageProperty());
                        CloudChoices.offer(server.servers(), options.servers(), server.existingProperty());
                        go(WizardStep.SERVER);
                    });
            case SERVER -> runner.run("Listing the ModelArts services", (c, p) -> signedIn.modelArts().listServices(),
                    services -> {
                        CloudChoices.offer(choices.services(), services, choices.serviceProperty());
                        go(WizardStep.SERVICE);
                    });
            case SERVICE -> checkEndpoints();
            case ENDPOINTS -> {
                List<String> models = endpoints.stream().flatMap(e -> e.models().stream()).distinct().toList();
                gateway.prefill(choices.serviceProperty().get().name(), models,
                        simulator != null ? simulator.vaultName() : null, runningPools, runningRoutes);
                go(WizardStep.GATEWAY);
            }
            case GATEWAY -> go(WizardStep.SUMMARY);
            case SUMMARY -> { }
        }
    }

    private void signIn() {
        CloudEndpoints at = credentials.endpoints();
        CloudCredentials who = credentials.credentials();
        if (at.equals(signedInAt) && who.equals(signedInWith) && cloud != null) {
            go(WizardStep.RESOURCE_POOL); // nothing changed since the last sign-in
            return;
        }
        runner.run("Signing in to " + at.region(), (c, p) -> {
            HuaweiCloud opened = connect.apply(at, who);
            try {
                String project = opened.signIn();
                p.report(0.5, "signed in to project " + project + "; listing the resource pools");
                List<ResourcePool> pools = opened.modelArts().listPools();
                c.check("sign in"); // cancelled meanwhile: the connection is closed below, not kept
                return new SignedIn(opened, project, pools);
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }, in -> {
            HuaweiCloud replaced = cloud;
            if (replaced != null) {
                background.execute(replaced::close); // closes sockets: not on the FX thread
            }
            cloud = in.cloud();
            projectId = in.projectId();
            signedInAt = at;
            signedInWith = who;
            CloudChoices.offer(choices.pools(), in.pools(), choices.poolProperty());
            go(WizardStep.RESOURCE_POOL);
        });
    }

    private void loadSubnets() {
        choices.subnets().clear();
        choices.subnetProperty().set(null);
        HuaweiCloud signedIn = cloud;
        if (choices.vpcProperty().get() != null && signedIn != null) {
            String vpcId = choices.vpcProperty().get().id();
            runner.run("Listing the subnets", (c, p) -> signedIn.vpc().listSubnets(vpcId),
                    subnets -> CloudChoices.offer(choices.subnets(), subnets, choices.subnetProperty()));
        }
    }

    /** Looks up the service's host endpoints and checks each with a request; also "Check again". */
    public void checkEndpoints() {
        String serviceId = choices.serviceProperty().get().id();
        HuaweiCloud signedIn = cloud;
        runner.run("Reading the host endpoints", (c, p) -> EndpointChecker.check(
                signedIn.modelArts().hostEndpoints(serviceId), c, p), checks -> {
                    endpoints.setAll(checks);
                    go(WizardStep.ENDPOINTS);
                });
    }

    /** Confirmed on the peering page: creates the connection, accepts the peering, adds the route. */
    public void createConnection() {
        if (step.get() == WizardStep.PEERING && !runner.busyProperty().get()) {
            HuaweiCloud signedIn = cloud;
            PeeringStep.Job job = peering.prepare();
            runner.run("Connecting the network", (c, p) -> job.run(signedIn, c, p), none -> { }, this::createConnection);
        }
    }

    /**
     * Confirmed on the VPC page ("Create VPC"): creates the VPC and its subnet, then picks them (the
     * subnet list is read again from the cloud). Nothing is created while the form has a problem.
     */
    public void createVpc() {
        if (step.get() != WizardStep.VPC || runner.busyProperty().get() || !newVpc.problem().isEmpty()) {
            return;
        }
        HuaweiCloud signedIn = cloud;
        NewVpcForm.Plan plan = newVpc.plan();
        runner.run("Creating the VPC " + plan.vpcName(), (c, p) -> plan.create(signedIn), created -> {
            choices.vpcs().add(created);
            choices.vpcProperty().set(created);
        }, this::createVpc);
    }

    /** Confirmed on the ECS page: submits the creation job and follows it to the ready server. */
    public void createServer() {
        if (step.get() != WizardStep.SERVER || runner.busyProperty().get() || !server.problem().isEmpty()) {
            return;
        }
        HuaweiCloud signedIn = cloud;
        var spec = server.spec(choices.vpcProperty().get().id(), choices.subnetProperty().get());
        runner.run("Creating the ECS", (c, p) -> server.create(signedIn, spec, c, p),
                created -> server.readyProperty().set(created), this::createServer);
    }

    /** Adds the pool and route to the running config (saving the credentials first if asked). */
    public void apply() {
        if (step.get() != WizardStep.SUMMARY || runner.busyProperty().get()) {
            return;
        }
        CloudCredentials who = credentials.credentials();
        String reference = gateway.credentialsReference();
        PoolConfig pool = gateway.pool(cloud.endpoints(), projectId, choices.serviceProperty().get().id(),
                checkedEndpoints());
        RouteConfig route = gateway.route();
        runner.run("Applying the new pool and route", (c, p) -> GatewayChange.apply(control, vault, pool, route,
                reference, who), version -> applied.set("Applied as config version " + version + ": pool " + pool.name() + " with "
                + pool.endpoints().size() + " endpoint(s), route " + route.name() + " for model "
                + route.match().models().get(0) + ". The Routes & Pools page shows them."));
    }

    /** Back one page; every field and pick stays as it was. A running step is cancelled first. */
    public void back() {
        runner.cancel();
        runner.clear();
        go(step.get().previous());
    }

    public void cancel() {
        runner.cancel();
    }

    public void retry() {
        runner.retry();
    }

    /** What Apply will add, one line each, for the summary page. */
    public List<String> summary() {
        return WizardPlan.summary(this);
    }

    List<HostEndpoint> checkedEndpoints() {
        return endpoints.stream().filter(EndpointCheck::ok).map(EndpointCheck::endpoint).toList();
    }

    private void go(WizardStep to) {
        runner.clear();
        step.set(to);
    }

    private void pickExisting() {
        if (!server.createNewProperty().get()) {
            server.readyProperty().set(server.existingProperty().get());
        } else if (server.readyProperty().get() != null
                && server.readyProperty().get().equals(server.existingProperty().get())) {
            server.readyProperty().set(null);
        }
    }

    private String currentProblem() {
        return switch (step.get()) {
            case CREDENTIALS -> credentials.problem();
            case RESOURCE_POOL, VPC, SERVICE -> choices.problem(step.get());
            case SERVER -> server.problem();
            case GATEWAY -> gateway.problem();
            default -> "";
        };
    }

    private boolean mayGoOn() {
        if (runner.busyProperty().get() || !problem.get().isEmpty()) {
            return false;
        }
        return switch (step.get()) {
            case PEERING -> peering.doneBinding().get();
            case SERVER -> server.readyProperty().get() != null;
            case ENDPOINTS -> endpoints.stream().anyMatch(EndpointCheck::ok);
            case SUMMARY -> false;
            default -> true;
        };
    }

    private static Observable[] concat(Observable[]... groups) {
        List<Observable> all = new ArrayList<>();
        for (Observable[] group : groups) {
            all.addAll(List.of(group));
        }
        return all.toArray(Observable[]::new);
    }

    /** Closes the cloud connection (the console closes, or a test ends). */
    public void close() {
        runner.cancel();
        if (cloud != null) {
            cloud.close();
        }
    }

    private record Opened(Set<String> pools, Set<String> routes, SimulatorPrefill simulator) {
    }

    private record SignedIn(HuaweiCloud cloud, String projectId, List<ResourcePool> pools) {
    }

    private record PoolStart(PoolNetwork network, List<Vpc> vpcs) {
    }

    private record ServerOptions(List<Flavor> flavors,
                                 List<Image> images,
                                 List<ServerInfo> servers) {
    }

    public ReadOnlyObjectProperty<WizardStep> stepProperty() {
        return step;
    }

    public StepRunner runner() {
        return runner;
    }

    public CredentialsForm credentials() {
        return credentials;
    }

    public CloudChoices choices() {
        return choices;
    }

    public NewVpcForm newVpc() {
        return newVpc;
    }

    public PeeringStep peering() {
        return peering;
    }

    public ServerStep server() {
        return server;
    }

    public ObservableList<EndpointCheck> endpoints() {
        return endpoints;
    }

    public GatewayForm gateway() {
        return gateway;
    }

    /** Why Next is refused on this page, naming the field, or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    /** Next may be pressed: the page is valid, nothing runs, and its cloud work (if any) is done. */
    public BooleanBinding canGoOnBinding() {
        return canGoOn;
    }

    /** What Apply did, or "" before. */
    public ReadOnlyStringProperty appliedProperty() {
        return applied;
    }
}
