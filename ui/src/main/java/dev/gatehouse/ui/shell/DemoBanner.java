package dev.gatehouse.ui.shell;

import dev.gatehouse.ui.common.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The first-run banner: the demo serves now; keep it, or start from an empty config. */
final class DemoBanner extends HBox {

    DemoBanner(ShellViewModel shell) {
        setId("demo-banner");
        getStyleClass().add("demo-banner");
        setAlignment(Pos.CENTER_LEFT);
        Label text = new Label("Demo environment: simulated LLM backends with live traffic, so every screen has data. "
                + "Your own config replaces it whenever you like.", Icons.of("fth-play-circle", 18));
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button keep = new Button("Keep the demo");
        keep.setId("keep-demo");
        keep.setOnAction(e -> shell.keepDemo());
        Button empty = new Button("Start with an empty config");
        empty.setId("use-empty-config");
        empty.getStyleClass().add("accent");
        empty.setOnAction(e -> shell.useEmptyConfig());
        keep.setMinWidth(Region.USE_PREF_SIZE); // the message wraps, the buttons keep their words
        empty.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(text, keep, empty);
        visibleProperty().bind(shell.demoBannerProperty());
        managedProperty().bind(visibleProperty());
    }
}
