package dev.gatehouse.ui.settings;

import dev.gatehouse.ui.common.Theme;
import javafx.beans.binding.Bindings;
import org.controlsfx.control.SegmentedButton;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Settings page: appearance (light or dark) and connection profiles. Nodes only. */
public final class SettingsView {

    private final ScrollPane root;

    public SettingsView(SettingsViewModel model) {
        Label title = new Label("Settings");
        title.getStyleClass().add("title-2");
        VBox content = new VBox(24, title, appearance(model), connections(model));
        content.setPadding(new Insets(24, 32, 32, 32));
        content.setMaxWidth(720);
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.getStyleClass().add("settings-page");
    }

    public Node root() {
        return root;
    }

    private static Node appearance(SettingsViewModel model) {
        // ControlsFX's SegmentedButton, colored by the theme through the Modena names console.css maps.
        SegmentedButton choices = new SegmentedButton();
        for (Theme theme : Theme.values()) {
            ToggleButton button = new ToggleButton(theme.label());
            button.setId("theme-" + theme.name().toLowerCase(java.util.Locale.ROOT));
            button.setUserData(theme);
            button.setSelected(model.themeProperty().get() == theme);
            choices.getButtons().add(button);
        }
        choices.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one theme is always chosen
            } else {
                model.themeProperty().set((Theme) now.getUserData());
            }
        });
        return section("Appearance", "Light or dark; remembered for the next start.", choices);
    }

    private static Node connections(SettingsViewModel model) {
        ListView<ConnectionProfile> list = new ListView<>(model.profiles());
        list.setId("profiles");
        list.setPrefHeight(96);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(ConnectionProfile profile, boolean empty) {
                super.updateItem(profile, empty);
                setText(empty || profile == null ? null : profile.describe());
            }
        });
        ComboBox<ConnectionProfile> active = new ComboBox<>(model.profiles());
        active.setId("active-profile");
        active.valueProperty().bindBidirectional(model.activeProfileProperty());
        Button remove = new Button("Remove");
        remove.disableProperty().bind(Bindings.createBooleanBinding(() -> list.getSelectionModel().getSelectedItem() == null
                || list.getSelectionModel().getSelectedItem().embedded(), list.getSelectionModel().selectedItemProperty()));
        remove.setOnAction(e -> model.removeProfile(list.getSelectionModel().getSelectedItem()));
        HBox using = new HBox(12, new Label("Manage"), active, remove);
        using.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        TextField name = new TextField();
        name.setId("profile-name");
        name.setPromptText("staging");
        name.textProperty().bindBidirectional(model.newNameProperty());
        TextField url = new TextField();
        url.setId("profile-url");
        url.setPromptText("http://10.0.0.5:9901");
        url.textProperty().bindBidirectional(model.newUrlProperty());
        PasswordField token = new PasswordField();
        token.setId("profile-token");
        token.setPromptText("contents of admin.token on that machine");
        token.textProperty().bindBidirectional(model.newTokenProperty());
        Button add = new Button("Add profile");
        add.setId("add-profile");
        add.getStyleClass().add("accent");
        add.setOnAction(e -> model.addProfile());
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.textProperty().bind(model.formErrorProperty());
        error.visibleProperty().bind(model.formErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Admin URL"), url);
        form.addRow(2, new Label("Token"), token);
        form.add(add, 1, 3);
        GridPane.setHgrow(url, Priority.ALWAYS);

        Label saveError = new Label();
        saveError.getStyleClass().add("field-error");
        saveError.textProperty().bind(model.saveErrorProperty());
        return section("Connection", "The engine this console manages: the one embedded here, or a headless one "
                + "(gatehouse serve) through its admin API.", using, list, new Label("Add a remote engine"), form, error,
                saveError);
    }

    private static Node section(String heading, String explanation, Node... body) {
        Label title = new Label(heading);
        title.getStyleClass().add("title-4");
        Label text = new Label(explanation);
        text.getStyleClass().add("text-muted");
        text.setWrapText(true);
        VBox box = new VBox(10, title, text);
        box.getChildren().addAll(body);
        box.getStyleClass().add("settings-section");
        return box;
    }
}
