package dev.gatehouse.ui.shell;

import dev.gatehouse.ui.common.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The navigation sidebar: the product name and one entry per page, the current one highlighted. */
final class SidebarView extends VBox {

    SidebarView(NavigationViewModel navigation, String version) {
        getStyleClass().add("sidebar");
        Label brand = new Label("Gatehouse", Icons.of("fth-shield", 20));
        brand.getStyleClass().add("brand");
        getChildren().add(brand);
        ToggleGroup group = new ToggleGroup();
        for (PageEntry entry : navigation.entries()) {
            ToggleButton button = new ToggleButton(entry.title(), Icons.of(entry.icon(), 18));
            button.setId("nav-" + entry.id());
            button.getStyleClass().add("nav-entry");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.setToggleGroup(group);
            button.setUserData(entry);
            button.setOnAction(e -> {
                button.setSelected(true); // clicking the current page keeps it selected
                navigation.navigate(entry.id());
            });
            getChildren().add(button);
        }
        navigation.currentProperty().addListener((obs, old, now) -> select(group, now));
        select(group, navigation.currentProperty().get());
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Label versionLabel = new Label("Console " + version);
        versionLabel.getStyleClass().add("sidebar-version");
        getChildren().addAll(spacer, versionLabel);
    }

    private static void select(ToggleGroup group, PageEntry current) {
        group.getToggles().forEach(toggle -> toggle.setSelected(current != null && toggle.getUserData().equals(current)));
    }
}
