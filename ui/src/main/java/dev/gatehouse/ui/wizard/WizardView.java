package dev.gatehouse.ui.wizard;

import atlantafx.base.theme.Styles;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The wizard on screen: the pages listed on the left (the current one marked), the current page
 * with its title and hint, and below it the progress, the failure or field problem, and
 * Cancel / Retry / Back / Next. Nodes only; everything it shows comes from {@link WizardViewModel}.
 */
public final class WizardView extends BorderPane {

    private final Map<WizardStep, Label> stepLabels = new EnumMap<>(WizardStep.class);
    private final Map<WizardStep, Node> pages = new EnumMap<>(WizardStep.class);
    private final ScrollPane content = new ScrollPane();

    public WizardView(WizardViewModel model) {
        getStyleClass().add("wizard");
        pages.put(WizardStep.CREDENTIALS, CloudPanes.credentials(model.credentials()));
        pages.put(WizardStep.RESOURCE_POOL, CloudPanes.pool(model.choices()));
        pages.put(WizardStep.VPC, CloudPanes.vpc(model));
        pages.put(WizardStep.PEERING, CreatePanes.peering(model));
        pages.put(WizardStep.SERVER, CreatePanes.server(model));
        pages.put(WizardStep.SERVICE, CloudPanes.service(model.choices()));
        pages.put(WizardStep.ENDPOINTS, GatewayPanes.endpoints(model));
        pages.put(WizardStep.GATEWAY, GatewayPanes.gateway(model.gateway()));
        pages.put(WizardStep.SUMMARY, GatewayPanes.summary(model));

        Label pageTitle = new Label("Wizard");
        pageTitle.getStyleClass().add(Styles.TITLE_2);
        HBox top = new HBox(14, pageTitle, Forms.note("Connect a VPC to a ModelArts resource pool and put the gateway"
                + " in front of its service."));
        top.setAlignment(Pos.BASELINE_LEFT);
        top.setPadding(new Insets(18, 24, 0, 20));
        setTop(top);
        setLeft(stepList());
        Label title = new Label();
        title.setId("wizard-title");
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = Forms.note("");
        title.textProperty().bind(Bindings.createStringBinding(() -> model.stepProperty().get().title(), model.stepProperty()));
        hint.textProperty().bind(Bindings.createStringBinding(() -> model.stepProperty().get().hint(), model.stepProperty()));
        content.setFitToWidth(true);
        content.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox center = new VBox(10, title, hint, content, footer(model));
        center.setPadding(new Insets(20, 24, 16, 24));
        setCenter(center);
        model.stepProperty().addListener((o, old, now) -> show(now));
        show(model.stepProperty().get());
    }

    private Node stepList() {
        VBox list = new VBox(4);
        list.setPadding(new Insets(20, 16, 16, 20));
        list.setMinWidth(200);
        for (WizardStep step : WizardStep.values()) {
            Label label = new Label((step.ordinal() + 1) + ".  " + step.title());
            label.setPadding(new Insets(4, 8, 4, 8));
            stepLabels.put(step, label);
            list.getChildren().add(label);
        }
        return list;
    }

    private void show(WizardStep step) {
        content.setContent(pages.get(step));
        stepLabels.forEach((each, label) -> {
            label.getStyleClass().removeAll(Styles.ACCENT, Styles.TEXT_BOLD, Styles.TEXT_MUTED);
            if (each == step) {
                label.getStyleClass().addAll(Styles.ACCENT, Styles.TEXT_BOLD);
            } else if (each.ordinal() > step.ordinal()) {
                label.getStyleClass().add(Styles.TEXT_MUTED);
            }
        });
    }

    private static Node footer(WizardViewModel model) {
        StepRunner runner = model.runner();
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(220);
        progress.progressProperty().bind(runner.progressProperty());
        // The ECS page has its own, wider bar for the creation job.
        var shown = runner.busyProperty().and(Bindings.notEqual(model.stepProperty(), WizardStep.SERVER));
        progress.visibleProperty().bind(shown);
        progress.managedProperty().bind(shown);
        Label status = new Label();
        status.setId("wizard-status");
        status.textProperty().bind(runner.statusProperty());
        Label failure = new Label();
        failure.setId("wizard-failure");
        failure.setWrapText(true);
        failure.getStyleClass().add(Styles.DANGER);
        failure.textProperty().bind(runner.failureProperty());
        Label problem = new Label();
        problem.setId("wizard-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.WARNING);
        problem.textProperty().bind(model.problemProperty());

        Button cancel = button("Cancel", "wizard-cancel", model::cancel);
        cancel.visibleProperty().bind(runner.busyProperty());
        Button retry = button("Retry", "wizard-retry", model::retry);
        retry.visibleProperty().bind(runner.retryableProperty());
        Button back = button("Back", "wizard-back", model::back);
        back.disableProperty().bind(Bindings.equal(model.stepProperty(), WizardStep.CREDENTIALS));
        Button next = button("Next", "wizard-next", model::next);
        next.getStyleClass().add(Styles.ACCENT);
        next.setDefaultButton(true);
        next.disableProperty().bind(model.canGoOnBinding().not());
        next.visibleProperty().bind(Bindings.notEqual(model.stepProperty(), WizardStep.SUMMARY));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(10, progress, status, spacer, cancel, retry, back, next);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, failure, problem, buttons);
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }
}
