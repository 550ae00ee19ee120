package dev.gatehouse.ui.wizard;

import atlantafx.base.theme.Styles;
import dev.gatehouse.engine.cloud.ModelArtsService;
import dev.gatehouse.engine.cloud.PoolNetwork;
import dev.gatehouse.engine.cloud.ResourcePool;
import dev.gatehouse.engine.cloud.Subnet;
import dev.gatehouse.engine.cloud.Vpc;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

/** The pages that sign in and pick what exists: credentials, resource pool, VPC and subnet (or a new pair), service. */
final class CloudPanes {

    private CloudPanes() {
    }

    static Node credentials(CredentialsForm form) {
        Label simulator = new Label();
        simulator.setId("wizard-simulator-note");
        simulator.setWrapText(true);
        simulator.getStyleClass().addAll(Styles.ACCENT);
        simulator.textProperty().bind(form.simulatorNoteProperty());
        simulator.visibleProperty().bind(form.simulatorProperty());
        simulator.managedProperty().bind(form.simulatorProperty());

        ToggleGroup method = new ToggleGroup();
        RadioButton password = new RadioButton("IAM user and password");
        RadioButton accessKey = new RadioButton("Access key (AK/SK)");
        password.setToggleGroup(method);
        accessKey.setToggleGroup(method);
        password.setSelected(form.methodProperty().get() == CredentialsForm.Method.PASSWORD);
        accessKey.setSelected(!password.isSelected());
        method.selectedToggleProperty().addListener((o, old, now) -> form.methodProperty().set(
                now == accessKey ? CredentialsForm.Method.ACCESS_KEY : CredentialsForm.Method.PASSWORD));
        form.methodProperty().addListener((o, old, now) -> (now == CredentialsForm.Method.PASSWORD ? password : accessKey)
                .setSelected(true));

        GridPane passwordRows = Forms.grid(
                "Account (domain)", Forms.text("wizard-domain", form.domainProperty()),
                "IAM user", Forms.text("wizard-user", form.userProperty()),
                "Password", Forms.secret("wizard-password", form.passwordProperty()));
        GridPane keyRows = Forms.grid(
                "Access key", Forms.text("wizard-access-key", form.accessKeyProperty()),
                "Secret key", Forms.secret("wizard-secret-key", form.secretKeyProperty()));
        var usesPassword = Bindings.equal(form.methodProperty(), CredentialsForm.Method.PASSWORD);
        passwordRows.visibleProperty().bind(usesPassword);
        passwordRows.managedProperty().bind(usesPassword);
        keyRows.visibleProperty().bind(usesPassword.not());
        keyRows.managedProperty().bind(usesPassword.not());

        return Forms.page(simulator,
                Forms.grid("Region", Forms.text("wizard-region", form.regionProperty()),
                        "Endpoint (optional)", Forms.text("wizard-endpoint", form.endpointProperty()),
                        "Sign in with", new HBox(18, password, accessKey)),
                passwordRows, keyRows,
                Forms.note("Leave the endpoint empty for the region's public endpoints; set it for a private cloud"
                        + " or the simulator. Secrets stay in memory; they are saved (encrypted) only if you choose so"
                        + " on the pool page."));
    }

    static Node pool(CloudChoices choices) {
        return Forms.page(Forms.grid("Dedicated resource pool", Forms.pick("wizard-pool", choices.pools(),
                        choices.poolProperty(), CloudPanes::poolText)),
                Forms.note("Next reads the pool's network: its CIDR holds the service's instances, and it must be"
                        + " connected to the VPC the gateway runs in."));
    }

    static Node vpc(WizardViewModel model) {
        CloudChoices choices = model.choices();
        NewVpcForm form = model.newVpc();
        Label network = new Label();
        network.setWrapText(true);
        network.textProperty().bind(Bindings.createStringBinding(() -> networkText(choices.networkProperty().get()),
                choices.networkProperty()));
        Label formProblem = new Label();
        formProblem.getStyleClass().add(Styles.DANGER);
        formProblem.textProperty().bind(Bindings.createStringBinding(form::problem, form.fields()));
        formProblem.managedProperty().bind(formProblem.textProperty().isNotEmpty());
        formProblem.visibleProperty().bind(formProblem.managedProperty());
        Button create = new Button("Create VPC");
        create.setId("wizard-create-vpc");
        create.setOnAction(e -> model.createVpc());
        create.disableProperty().bind(model.runner().busyProperty().or(formProblem.textProperty().isNotEmpty()));
        return Forms.page(network,
                Forms.grid("VPC", Forms.pick("wizard-vpc", choices.vpcs(), choices.vpcProperty(),
                                (Vpc v) -> v.name() + "  " + v.cidr()),
                        "Subnet", Forms.pick("wizard-subnet", choices.subnets(), choices.subnetProperty(),
                                (Subnet s) -> s.name() + "  " + s.cidr())),
                Forms.note("Or create a new VPC with one subnet for the gateway's ECS (nothing is created before you"
                        + " press Create VPC; it must not overlap the pool's network):"),
                Forms.grid("New VPC name", Forms.text("wizard-new-vpc-name", form.vpcNameProperty()),
                        "VPC CIDR", Forms.text("wizard-new-vpc-cidr", form.vpcCidrProperty()),
                        "Subnet name", Forms.text("wizard-new-subnet-name", form.subnetNameProperty()),
                        "Subnet CIDR", Forms.text("wizard-new-subnet-cidr", form.subnetCidrProperty())),
                formProblem, create);
    }

    static Node service(CloudChoices choices) {
        return Forms.page(Forms.grid("Online service", Forms.pick("wizard-service", choices.services(),
                        choices.serviceProperty(), (ModelArtsService s) -> s.name() + "  (" + s.status() + ", "
                                + s.inferType() + ")")),
                Forms.note("Next looks up the service's host endpoints (the VPC direct channel; 20 lookups a minute"
                        + " for a sub-account) and sends each a test request."));
    }

    private static String poolText(ResourcePool pool) {
        return pool.displayName() + "  (" + pool.phase() + ", network " + pool.networkName() + ")";
    }

    private static String networkText(PoolNetwork network) {
        if (network == null) {
            return "";
        }
        return "Network " + network.name() + ": " + network.cidr() + ", " + network.phase() + "; connected to "
                + (network.connections().isEmpty() ? "no VPC yet"
                        : network.connections().size() + " VPC(s): " + network.connections().stream()
                                .map(PoolNetwork.VpcConnection::vpcId).toList());
    }
}
