package dev.gatehouse.ui.shell;

import dev.gatehouse.ui.common.Icons;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;

/** The status bar: engine state with a colored dot, listen address, QPS, config version, unsaved changes, connection. */
final class StatusBarView extends HBox {

    StatusBarView(StatusBarViewModel status, ObservableValue<String> connection) {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        Circle dot = new Circle(4);
        dot.getStyleClass().add("engine-dot");
        status.engineUpProperty().addListener((obs, old, up) -> dot.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("up"), up));
        Label engine = figure("status-engine", status.engineStateProperty(), null);
        engine.setGraphic(dot);
        Label listen = figure("status-listen", status.listenAddressProperty(), "fth-radio");
        listen.setTooltip(new Tooltip("Where the gateway listens"));
        Label qps = figure("status-qps", status.qpsProperty(), "fth-activity");
        qps.setTooltip(new Tooltip("Requests completed per second, over the last second"));
        Label version = figure("status-version", status.configVersionProperty(), "fth-git-commit");
        version.setTooltip(new Tooltip("Version of the running config"));
        Label unsaved = new Label("Unsaved changes", Icons.of("fth-edit-3", 14));
        unsaved.setId("status-unsaved");
        unsaved.getStyleClass().add("unsaved");
        unsaved.visibleProperty().bind(status.unsavedChangesProperty());
        unsaved.managedProperty().bind(unsaved.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label connected = figure("status-connection", connection, "fth-server");
        getChildren().addAll(engine, listen, qps, version, unsaved, spacer, connected);
    }

    private static Label figure(String id, ObservableValue<String> text, String icon) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        if (icon != null) {
            label.setGraphic(Icons.of(icon, 14));
        }
        label.getStyleClass().add("status-figure");
        return label;
    }
}
