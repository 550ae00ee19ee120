package dev.gatehouse.ui.routes;

import java.util.List;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/** Shows what Apply would change, one line per change, and asks whether to apply it. */
final class DiffDialog extends Dialog<ButtonType> {

    static final ButtonType APPLY = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);

    DiffDialog(List<DiffLine> lines, long runningVersion, int errors) {
        setTitle("Apply changes");
        setHeaderText(lines.isEmpty() ? "The draft is the running config: nothing to apply."
                : lines.size() + (lines.size() == 1 ? " change" : " changes") + " against running version " + runningVersion);
        ListView<String> list = new ListView<>();
        list.setId("diff-lines");
        list.getItems().setAll(lines.stream().map(DiffLine::toString).toList());
        list.setPrefSize(640, 320);
        VBox content = new VBox(8, list);
        if (errors > 0) {
            Label warning = new Label(errors + (errors == 1 ? " problem" : " problems")
                    + " in the draft: the engine will refuse it until fixed.");
            warning.setStyle("-fx-text-fill: #d0392b;");
            content.getChildren().add(warning);
        }
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL);
        if (!lines.isEmpty()) {
            getDialogPane().getButtonTypes().add(0, APPLY);
        }
    }
}
