package dev.gatehouse.ui.wizard;

import atlantafx.base.theme.Styles;
import dev.gatehouse.engine.cloud.Flavor;
import dev.gatehouse.engine.cloud.Image;
import dev.gatehouse.engine.cloud.ServerInfo;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The two pages that create things in the cloud. Each shows what it will create and creates it
 * only when its Create button is pressed; the tasks' live status (or the job's progress bar) follows.
 */
final class CreatePanes {

    private CreatePanes() {
    }

    static Node peering(WizardViewModel model) {
        PeeringStep step = model.peering();
        VBox status = new VBox(8);
        status.setId("wizard-peering-status");
        step.tasks().addListener((ListChangeListener<TaskLine>) change ->
                status.getChildren().setAll(step.tasks().stream().map(CreatePanes::taskLine).toList()));
        Label heading = new Label();
        heading.textProperty().bind(Bindings.when(step.startedBinding()).then("Status in the cloud:")
                .otherwise("Will create in the cloud (nothing is created before you press Create connection):"));
        TextField peeringId = Forms.text("wizard-peering-id", step.peeringIdProperty());
        peeringId.disableProperty().bind(model.runner().busyProperty().or(step.doneBinding()));
        Button create = new Button("Create connection");
        create.setId("wizard-create-connection");
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(e -> model.createConnection());
        create.disableProperty().bind(model.runner().busyProperty().or(step.doneBinding()));
        return Forms.page(heading, status,
                Forms.grid("Peering to accept (id)", peeringId),
                Forms.note("The connection leaves a peering waiting for acceptance in your VPC; left empty, the wizard"
                        + " finds it. Give its id (VPC console, Peering Connections) only if several wait."),
                create);
    }

    private static Node taskLine(TaskLine task) {
        Label state = new Label(switch (task.state()) {
            case WAITING -> "○";
            case RUNNING -> "◐";
            case DONE -> "✔";
            case SKIPPED -> "–";
            case FAILED -> "✖";
        });
        state.setMinWidth(22);
        if (task.state() == TaskLine.State.DONE) {
            state.getStyleClass().add(Styles.SUCCESS);
        } else if (task.state() == TaskLine.State.FAILED) {
            state.getStyleClass().add(Styles.DANGER);
        }
        Label detail = Forms.note(task.detail());
        detail.setManaged(!task.detail().isEmpty());
        return new HBox(8, state, new VBox(2, new Label(task.label()), detail));
    }

    static Node server(WizardViewModel model) {
        ServerStep step = model.server();
        ToggleGroup mode = new ToggleGroup();
        RadioButton createNew = new RadioButton("Create a new ECS");
        RadioButton existing = new RadioButton("Use an existing server");
        createNew.setId("wizard-server-new");
        existing.setId("wizard-server-existing");
        createNew.setToggleGroup(mode);
        existing.setToggleGroup(mode);
        createNew.setSelected(step.createNewProperty().get());
        existing.setSelected(!step.createNewProperty().get());
        mode.selectedToggleProperty().addListener((o, old, now) -> step.createNewProperty().set(now == createNew));

        GridPane newRows = Forms.grid(
                "Server name", Forms.text("wizard-server-name", step.nameProperty()),
                "Flavor", Forms.pick("wizard-flavor", step.flavors(), step.flavorProperty(),
                        (Flavor f) -> f.name() + "  (" + f.vcpus() + " vCPUs, " + f.ramMb() / 1024 + " GiB)"),
                "Image", Forms.pick("wizard-image", step.images(), step.imageProperty(), Image::name));
        Label willCreate = new Label();
        willCreate.setWrapText(true);
        willCreate.setId("wizard-server-will-create");
        willCreate.textProperty().bind(Bindings.createStringBinding(() -> !step.problem().isEmpty() ? step.problem()
                        : model.choices().subnetProperty().get() == null ? ""
                        : "Will create: " + step.willCreate(model.choices().vpcProperty().get().name(),
                                model.choices().subnetProperty().get()),
                step.fields()));
        Button create = new Button("Create server");
        create.setId("wizard-create-server");
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(e -> model.createServer());
        create.disableProperty().bind(model.runner().busyProperty().or(step.readyProperty().isNotNull()));
        ProgressBar job = new ProgressBar();
        job.setId("wizard-server-progress");
        job.setMaxWidth(Double.MAX_VALUE);
        job.progressProperty().bind(model.runner().progressProperty());
        job.visibleProperty().bind(model.runner().busyProperty());
        newRows.disableProperty().bind(model.runner().busyProperty().or(step.readyProperty().isNotNull()));
        VBox newServer = new VBox(12, newRows, willCreate, create, job);
        newServer.visibleProperty().bind(step.createNewProperty());
        newServer.managedProperty().bind(step.createNewProperty());

        GridPane existingRows = Forms.grid("Server", Forms.pick("wizard-server", step.servers(), step.existingProperty(),
                (ServerInfo s) -> s.name() + "  " + s.privateAddresses() + "  " + s.status()));
        existingRows.visibleProperty().bind(step.createNewProperty().not());
        existingRows.managedProperty().bind(step.createNewProperty().not());

        Label ready = new Label();
        ready.setId("wizard-server-ready");
        ready.getStyleClass().add(Styles.SUCCESS);
        ready.textProperty().bind(Bindings.createStringBinding(() -> step.readyProperty().get() == null ? ""
                : "Ready: " + step.readyProperty().get().name() + " at " + step.readyProperty().get().privateAddresses(),
                step.readyProperty()));
        return Forms.page(new HBox(18, createNew, existing), newServer, existingRows, ready);
    }
}
