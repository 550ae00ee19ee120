package dev.gatehouse.ui.shell;

import dev.gatehouse.ui.common.Icons;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A page that is not built yet: its title, what it will do, and that it comes in a later release. */
public final class PlaceholderPage implements Page {

    private final VBox root;

    private PlaceholderPage(String title, String purpose) {
        Label heading = new Label(title);
        heading.getStyleClass().add("title-2");
        Label what = new Label(purpose);
        what.getStyleClass().add("text-muted");
        what.setWrapText(true);
        Label when = new Label("Coming in a later release.");
        when.getStyleClass().add("placeholder-note");
        root = new VBox(12, Icons.of("fth-clock", 48), heading, what, when);
        root.setAlignment(Pos.CENTER);
        root.setMaxWidth(480);
        root.getStyleClass().add("placeholder-page");
    }

    public static PlaceholderPage comingLater(String title, String purpose) {
        return new PlaceholderPage(title, purpose);
    }

    @Override
    public Node node() {
        return root;
    }
}
