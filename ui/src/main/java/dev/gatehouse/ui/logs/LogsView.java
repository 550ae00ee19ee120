package dev.gatehouse.ui.logs;

import dev.gatehouse.engine.accesslog.query.ExportFormat;
import dev.gatehouse.ui.common.Icons;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The log explorer's nodes: filters and chips on top, the histogram, the records table with the
 * detail pane beside it, and the status line. Only the view model talks to the engine.
 */
public final class LogsView extends BorderPane {

    private static final String CSS = Objects.requireNonNull(LogsView.class.getResource("logs.css"), "logs.css")
            .toExternalForm();

    private final FilterBar filters;
    private final RecordTable table;

    public LogsView(LogsViewModel model, ExportTarget exportTarget, Consumer<String> clipboard) {
        getStylesheets().add(CSS);
        getStyleClass().add("logs-page");
        ToggleButton live = new ToggleButton("Live", Icons.of("fth-radio"));
        live.setId("live-tail");
        live.setTooltip(new Tooltip("Add new records on top as they arrive; click again to pause"));
        live.selectedProperty().bindBidirectional(model.tail().onProperty());
        MenuButton export = new MenuButton("Export", Icons.of("fth-download"));
        export.setId("export");
        for (ExportFormat format : ExportFormat.values()) {
            MenuItem item = new MenuItem(format == ExportFormat.CSV ? "CSV…" : "JSON Lines…");
            item.setId("export-" + format.name().toLowerCase(java.util.Locale.ROOT));
            item.setOnAction(e -> exportTarget.choose(format).ifPresent(file -> model.export().start(file, format)));
            export.getItems().add(item);
        }
        export.disableProperty().bind(model.export().runningProperty());
        filters = new FilterBar(model, List.of(live, new SavedQueriesMenu(model.saved()), export));

        table = new RecordTable(model);
        DetailView detail = new DetailView(model, clipboard);
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.6);
        SplitPane.setResizableWithParent(detail, false);
        detail.setMinWidth(340);

        VBox top = new VBox(filters, new ChipsView(model));
        VBox centre = new VBox(new HistogramBox(model), split);
        VBox.setVgrow(split, javafx.scene.layout.Priority.ALWAYS);
        setTop(top);
        setCenter(centre);
        setBottom(new StatusLine(model));
    }

    void focusSearch() {
        filters.focusSearch();
    }


    /** The histogram with its legend above it. */
    private static final class HistogramBox extends VBox {
        HistogramBox(LogsViewModel model) {
            HBox legend = new HBox(12, swatch("bar-ok", "1xx–3xx"), swatch("bar-4xx", "4xx"), swatch("bar-5xx", "5xx"),
                    new Label("· drag across the bars to narrow the time range"));
            legend.getStyleClass().add("legend");
            legend.setStyle("-fx-padding: 0 12 2 12; -fx-alignment: center-left;");
            getChildren().addAll(legend, new HistogramView(model));
        }

        private static HBox swatch(String style, String text) {
            Region box = new Region();
            box.getStyleClass().addAll("swatch", style);
            HBox item = new HBox(4, box, new Label(text));
            item.setStyle("-fx-alignment: center-left;");
            return item;
        }
    }
}
