package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.config.ConfigVersion;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/** The earlier applied versions, newest first, with a button that runs the selected one again. */
final class VersionList extends VBox {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    VersionList(RoutesViewModel model) {
        setSpacing(4);
        setStyle("-fx-padding: 10;");
        ListView<ConfigVersion> list = new ListView<>(model.versions());
        list.setId("versions");
        list.setPrefHeight(160);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(ConfigVersion version, boolean empty) {
                super.updateItem(version, empty);
                setText(empty || version == null ? null
                        : "#" + version.seq() + "  replaced " + WHEN.format(version.replacedAt()));
            }
        });
        Button rollback = new Button("Roll back to selected");
        rollback.setId("rollback");
        rollback.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull()
                .or(model.busyProperty()));
        rollback.setOnAction(e -> model.rollback(list.getSelectionModel().getSelectedItem().seq()));
        getChildren().addAll(new Label("Earlier versions"), list, rollback);
    }
}
