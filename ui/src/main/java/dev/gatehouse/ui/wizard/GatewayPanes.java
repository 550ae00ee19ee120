package dev.gatehouse.ui.wizard;

import atlantafx.base.theme.Styles;
import dev.gatehouse.engine.config.BalancerConfig;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The pages about the gateway: the checked host endpoints, the new pool and route, and the summary with Apply. */
final class GatewayPanes {

    private GatewayPanes() {
    }

    static Node endpoints(WizardViewModel model) {
        VBox list = new VBox(8);
        list.setId("wizard-endpoints");
        model.endpoints().addListener((ListChangeListener<EndpointCheck>) change -> list.getChildren().setAll(
                model.endpoints().stream().map(GatewayPanes::endpointLine).toList()));
        Button again = new Button("Check again");
        again.setOnAction(e -> model.checkEndpoints());
        again.disableProperty().bind(model.runner().busyProperty());
        return Forms.page(list, again, Forms.note("Only endpoints that answered go into the pool now; discovery keeps"
                + " the pool in step with the service from then on."));
    }

    private static Node endpointLine(EndpointCheck check) {
        Label mark = new Label(check.ok() ? "✔" : "✖");
        mark.getStyleClass().add(check.ok() ? Styles.SUCCESS : Styles.DANGER);
        mark.setMinWidth(22);
        Label address = new Label(check.endpoint().schema() + "://" + check.endpoint().address());
        address.setMinWidth(220);
        return new HBox(8, mark, address, Forms.note(check.detail()));
    }

    static Node gateway(GatewayForm form) {
        var strategy = Forms.pick("wizard-strategy", FXCollections.observableArrayList(BalancerConfig.Strategy.values()),
                form.strategyProperty(), s -> s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        CheckBox vault = new CheckBox("Save the credentials encrypted in the vault");
        vault.setId("wizard-save-in-vault");
        vault.setMnemonicParsing(false);
        vault.selectedProperty().bindBidirectional(form.saveInVaultProperty());
        var vaultName = Forms.text("wizard-vault-name", form.vaultNameProperty());
        vaultName.disableProperty().bind(form.saveInVaultProperty().not());
        return Forms.page(
                Forms.grid("Pool name", Forms.text("wizard-pool-name", form.poolNameProperty()),
                        "Balancing", strategy,
                        "Health check path", Forms.text("wizard-health-path", form.healthPathProperty()),
                        "Health check every (s)", Forms.text("wizard-health-seconds", form.healthSecondsProperty()),
                        "Down after failures", Forms.text("wizard-health-failures", form.failuresToEjectProperty()),
                        "Breaker error rate (%)", Forms.text("wizard-breaker-rate", form.errorRatePercentProperty()),
                        "Breaker retry after (s)", Forms.text("wizard-breaker-seconds", form.halfOpenSecondsProperty()),
                        "Route name", Forms.text("wizard-route-name", form.routeNameProperty()),
                        "Model", Forms.text("wizard-model", form.modelProperty()),
                        "Discovery credentials", vault,
                        "Vault entry", vaultName),
                Forms.note("Discovery signs in with these credentials to follow the service's endpoints. Unchecked,"
                        + " the gateway reads HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK from its environment and"
                        + " nothing is stored; the config only ever holds the reference, never a secret."));
    }

    static Node summary(WizardViewModel model) {
        VBox lines = new VBox(6);
        lines.setId("wizard-summary");
        model.stepProperty().addListener((o, old, now) -> {
            if (now == WizardStep.SUMMARY) {
                List<Node> shown = model.summary().stream().map(line -> (Node) wrapped("•  " + line)).toList();
                lines.getChildren().setAll(shown);
            }
        });
        Button apply = new Button("Apply");
        apply.setId("wizard-apply");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.setOnAction(e -> model.apply());
        apply.disableProperty().bind(model.runner().busyProperty().or(model.appliedProperty().isNotEmpty()));
        Label applied = wrapped("");
        applied.setId("wizard-applied");
        applied.getStyleClass().add(Styles.SUCCESS);
        applied.textProperty().bind(model.appliedProperty());
        return Forms.page(new Label("Apply adds to the running gateway:"), lines, apply, applied);
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }
}
