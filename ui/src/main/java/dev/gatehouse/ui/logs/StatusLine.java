package dev.gatehouse.ui.logs;

import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The explorer's bottom line: how many records are loaded (and whether older ones follow), the
 * last problem, and a running export's progress bar with its cancel button.
 */
final class StatusLine extends HBox {

    StatusLine(LogsViewModel model) {
        getStyleClass().add("logs-status");
        Label count = new Label();
        count.setId("record-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%,d records%s%s",
                        model.rows().size(), model.moreProperty().get() ? ", more on scrolling" : "",
                        model.loadingProperty().get() ? " · loading…" : ""),
                model.rows(), model.moreProperty(), model.loadingProperty()));
        Label problem = new Label();
        problem.setId("problem");
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(model.messageProperty());
        Label savedProblem = new Label();
        savedProblem.getStyleClass().add("problem");
        savedProblem.textProperty().bind(model.saved().problemProperty());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);

        ExportModel export = model.export();
        Label exportStatus = new Label();
        exportStatus.setId("export-status");
        exportStatus.textProperty().bind(export.statusProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("export-progress");
        bar.setPrefWidth(160);
        bar.progressProperty().bind(export.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("export-cancel");
        cancel.setOnAction(e -> export.cancel());
        for (Region node : new Region[] {bar, cancel}) {
            node.visibleProperty().bind(export.runningProperty());
            node.managedProperty().bind(export.runningProperty());
        }
        getChildren().addAll(count, problem, savedProblem, spring, exportStatus, bar, cancel);
    }
}
