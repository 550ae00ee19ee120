package dev.gatehouse.ui.logs;

import java.util.List;

import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** A record's timings as bars on one time scale, with each bar's length in milliseconds. */
final class WaterfallView extends GridPane {

    WaterfallView() {
        getStyleClass().add("waterfall");
        setHgap(8);
        setVgap(4);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints track = new ColumnConstraints();
        track.setHgrow(Priority.ALWAYS);
        track.setMinWidth(80);
        ColumnConstraints figures = new ColumnConstraints();
        figures.setMinWidth(Region.USE_PREF_SIZE);
        figures.setHalignment(HPos.RIGHT);
        getColumnConstraints().setAll(names, track, figures);
    }

    void show(List<WaterfallStep> steps) {
        getChildren().clear();
        long total = steps.stream().mapToLong(WaterfallStep::endNanos).max().orElse(0);
        for (int row = 0; row < steps.size(); row++) {
            WaterfallStep step = steps.get(row);
            Region span = new Region();
            span.getStyleClass().add("span");
            if (step.label().equals("total")) {
                span.getStyleClass().add("total");
            }
            span.setManaged(false);
            Pane trackPane = new Pane(span) {
                @Override
                protected void layoutChildren() {
                    double w = getWidth();
                    double start = total == 0 ? 0 : w * step.startNanos() / total;
                    double length = total == 0 ? 0 : w * (step.endNanos() - step.startNanos()) / total;
                    span.resizeRelocate(start, 1, Math.max(2, length), Math.max(6, getHeight() - 2));
                }
            };
            trackPane.getStyleClass().add("track");
            add(new Label(step.label()), 0, row);
            add(trackPane, 1, row);
            add(new Label(RecordField.millis(step.endNanos() - step.startNanos())), 2, row);
        }
    }
}
