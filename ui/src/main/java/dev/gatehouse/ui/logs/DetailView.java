package dev.gatehouse.ui.logs;

import dev.gatehouse.engine.accesslog.AccessRecord;
import dev.gatehouse.engine.accesslog.query.LogEntry;
import dev.gatehouse.ui.common.Icons;

import java.util.function.Consumer;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The selected record in full: a title line, the actions (copy as curl, copy request id, same
 * trace), the timing waterfall, then every field by group, values selectable for copying.
 */
final class DetailView extends ScrollPane {

    private final LogsViewModel model;
    private final Consumer<String> clipboard;
    private final VBox box = new VBox();
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final WaterfallView waterfall = new WaterfallView();
    private final GridPane fields = new GridPane();
    private final Button curl = new Button("Copy as curl", Icons.of("fth-terminal"));
    private final Button requestId = new Button("Copy request id", Icons.of("fth-copy"));
    private final Button trace = new Button("Same trace", Icons.of("fth-git-commit"));
    private final Label nothing = new Label("Select a record to see every field, its timings and actions.");

    DetailView(LogsViewModel model, Consumer<String> clipboard) {
        this.model = model;
        this.clipboard = clipboard;
        getStyleClass().add("log-detail");
        setFitToWidth(true);
        box.getStyleClass().add("detail-box");
        title.getStyleClass().add("detail-title");
        subtitle.getStyleClass().add("hint");
        subtitle.setWrapText(true);
        nothing.getStyleClass().add("hint");
        nothing.setWrapText(true);
        curl.setId("copy-curl");
        requestId.setId("copy-request-id");
        trace.setId("same-trace");
        fields.setHgap(10);
        fields.setVgap(3);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        fields.getColumnConstraints().setAll(names, values);
        setContent(box);
        model.selectedProperty().addListener((o, before, now) -> show(now));
        show(null);
    }

    private void show(LogEntry entry) {
        if (entry == null) {
            box.getChildren().setAll(nothing);
            return;
        }
        AccessRecord r = entry.record();
        title.setText(r.responseCode() + "  " + r.method() + " " + r.path());
        subtitle.setText(r.startTime() + "  ·  " + (r.model() != null ? r.model() + "  ·  " : "")
                + RecordField.millis(r.durationNanos()));
        curl.setOnAction(e -> clipboard.accept(CurlCommand.of(r)));
        requestId.setOnAction(e -> clipboard.accept(r.requestId()));
        requestId.setDisable(r.requestId() == null);
        trace.setOnAction(e -> model.showTrace(entry));
        trace.setDisable(r.traceId() == null);
        FlowPane actions = new FlowPane(6, 6, curl, requestId, trace);
        waterfall.show(WaterfallStep.of(r));
        fillFields(r);
        box.getChildren().setAll(title, subtitle, actions, group("timings"), waterfall, fields);
    }

    private void fillFields(AccessRecord r) {
        fields.getChildren().clear();
        int row = 0;
        String group = null;
        for (RecordField field : RecordField.of(r)) {
            if (!field.group().equals(group)) {
                group = field.group();
                fields.add(group(group), 0, row++, 2, 1);
            }
            Label name = new Label(field.name());
            name.getStyleClass().add("field-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            // A read-only field, not a label: values are selectable, so any part of one can be copied.
            TextField value = new TextField(field.value());
            value.setEditable(false);
            value.getStyleClass().addAll("field-value", "flat");
            value.setId("field-" + field.name());
            fields.add(name, 0, row);
            fields.add(value, 1, row++);
        }
    }

    private static Label group(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("group-title");
        return label;
    }
}
