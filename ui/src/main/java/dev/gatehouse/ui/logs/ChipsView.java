package dev.gatehouse.ui.logs;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/** The active filters as chips; a chip's × removes its filter. Hidden when no filter is set. */
final class ChipsView extends FlowPane {

    ChipsView(LogsViewModel model) {
        getStyleClass().add("logs-chips");
        model.chips().addListener((ListChangeListener<FilterChip>) change -> show(model));
        show(model);
    }

    private void show(LogsViewModel model) {
        getChildren().clear();
        for (FilterChip chip : model.chips()) {
            Label text = new Label(chip.text());
            Button remove = new Button("\u00d7");
            remove.setTooltip(new Tooltip("Remove this filter"));
            remove.setOnAction(e -> model.remove(chip));
            HBox box = new HBox(text, remove);
            box.getStyleClass().add("filter-chip");
            getChildren().add(box);
        }
        setVisible(!model.chips().isEmpty());
        setManaged(!model.chips().isEmpty());
    }
}
