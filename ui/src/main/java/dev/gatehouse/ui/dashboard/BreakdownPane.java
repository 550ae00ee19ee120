package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.telemetry.Dimension;

import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * Requests and tokens per second over the range, stacked by the busiest models, consumers or
 * routes (a toggle), with a legend; a band or legend entry opens the log explorer on its key.
 */
final class BreakdownPane extends VBox {

    private final DashboardViewModel model;
    private final StackedChart requests;
    private final StackedChart tokens;
    private final Label caption = new Label();
    private final FlowPane legend = new FlowPane(14, 4);
    private TileStyle style;
    private List<String> legendKeys = List.of();
    private TileStyle legendStyle;

    BreakdownPane(DashboardViewModel model, TileStyle style) {
        super(8);
        this.model = model;
        this.style = style;
        requests = new StackedChart(false, style, this::open);
        tokens = new StackedChart(true, style, this::open);
        requests.setId("breakdown-requests");
        tokens.setId("breakdown-tokens");
        caption.getStyleClass().add("text-muted");
        HBox charts = new HBox(12, titled("Requests per second", requests), titled("Tokens per second", tokens));
        getChildren().addAll(toggles(), caption, charts, legend);
        model.breakdownProperty().addListener((o, before, now) -> show(now));
    }

    private void open(String key) {
        model.openLogs(model.breakdownProperty().get().dimension(), key);
    }

    private HBox toggles() {
        ToggleGroup group = new ToggleGroup();
        HBox row = new HBox(8);
        row.setAlignment(Pos.CENTER_LEFT);
        Label title = new Label("Traffic by");
        title.getStyleClass().add("title-4");
        HBox pills = new HBox();
        List<Dimension> dimensions = DashboardSelection.DIMENSIONS;
        for (int i = 0; i < dimensions.size(); i++) {
            Dimension dimension = dimensions.get(i);
            ToggleButton button = new ToggleButton(DashboardToolbar.label(dimension).toLowerCase(java.util.Locale.ROOT));
            button.setToggleGroup(group);
            button.setSelected(dimension == model.selectionProperty().get().breakdown());
            button.getStyleClass().add(i == 0 ? "left-pill" : i == dimensions.size() - 1 ? "right-pill" : "center-pill");
            button.setOnAction(e -> {
                button.setSelected(true);
                model.selectionProperty().set(model.selectionProperty().get().withBreakdown(dimension));
            });
            pills.getChildren().add(button);
        }
        row.getChildren().addAll(title, pills);
        return row;
    }

    private static VBox titled(String title, StackedChart chart) {
        Label label = new Label(title);
        label.getStyleClass().add("text-small");
        VBox box = new VBox(4, label, chart);
        HBox.setHgrow(box, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    private void show(Breakdown breakdown) {
        requests.show(breakdown);
        tokens.show(breakdown);
        DashboardSelection chosen = model.selectionProperty().get();
        Dimension filtered = chosen.filter().dimension();
        caption.setText(filtered != null && filtered != breakdown.dimension()
                ? "Of all traffic: the engine keeps series per " + breakdown.dimension().label() + ", not per "
                  + breakdown.dimension().label() + " and " + filtered.label() + " together."
                : "The " + DashboardReader.BREAKDOWN_KEYS + " busiest " + breakdown.dimension().label()
                  + "s since the engine started; click a band to see its requests.");
        showLegend(breakdown);
    }

    private void showLegend(Breakdown breakdown) {
        List<String> keys = breakdown.bands().stream().map(Breakdown.Band::key).toList();
        if (keys.equals(legendKeys) && style == legendStyle) {
            return; // rebuilt only when the keys change, not on every poll
        }
        legendKeys = keys;
        legendStyle = style;
        legend.getChildren().clear();
        for (int i = 0; i < breakdown.bands().size(); i++) {
            String key = breakdown.bands().get(i).key();
            Label entry = new Label(key, new Rectangle(10, 10, style.seriesColor(i)));
            entry.setCursor(Cursor.HAND);
            entry.setOnMouseClicked(e -> model.openLogs(breakdown.dimension(), key));
            legend.getChildren().add(entry);
        }
    }

    void restyle(TileStyle value) {
        style = value;
        requests.restyle(value);
        tokens.restyle(value);
        showLegend(model.breakdownProperty().get());
    }
}
