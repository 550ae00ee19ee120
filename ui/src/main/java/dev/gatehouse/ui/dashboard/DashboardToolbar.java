package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.telemetry.Dimension;
import dev.gatehouse.engine.telemetry.SeriesFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The dashboard's title row: the time range (live 5 / 15 minutes, last hour, last 24 hours) as a
 * row of toggles, and the filter (all traffic, or one model, consumer or route) as two pickers.
 */
final class DashboardToolbar extends HBox {

    private static final String ALL = "All traffic";

    private final DashboardViewModel model;
    private final ComboBox<String> dimension = new ComboBox<>();
    private final ComboBox<String> key = new ComboBox<>();
    private boolean updating;

    DashboardToolbar(DashboardViewModel model) {
        super(8);
        this.model = model;
        setAlignment(Pos.CENTER_LEFT);
        Label title = new Label("Dashboard");
        title.getStyleClass().add("title-2");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(title, gap, ranges(), new Label("Show"), dimension, key);

        dimension.getItems().add(ALL);
        DashboardSelection.DIMENSIONS.forEach(d -> dimension.getItems().add(label(d)));
        dimension.setValue(ALL);
        dimension.setId("dashboard-filter-dimension");
        key.setId("dashboard-filter-key");
        key.setPromptText("pick one");
        key.setPrefWidth(180);
        key.disableProperty().bind(dimension.valueProperty().isEqualTo(ALL));
        dimension.valueProperty().addListener((o, before, now) -> {
            fillKeys();
            if (ALL.equals(now)) {
                choose(SeriesFilter.all());
            }
        });
        key.valueProperty().addListener((o, before, now) -> {
            Dimension chosen = chosenDimension();
            if (!updating && now != null && chosen != null) {
                choose(SeriesFilter.of(chosen, now));
            }
        });
        model.keysProperty().addListener((o, before, now) -> fillKeys());
    }

    private HBox ranges() {
        ToggleGroup group = new ToggleGroup();
        HBox row = new HBox();
        DashboardRange[] all = DashboardRange.values();
        for (int i = 0; i < all.length; i++) {
            DashboardRange range = all[i];
            ToggleButton button = new ToggleButton(range.toString());
            button.setToggleGroup(group);
            button.setSelected(range == model.selectionProperty().get().range());
            button.getStyleClass().add(i == 0 ? "left-pill" : i == all.length - 1 ? "right-pill" : "center-pill");
            button.setOnAction(e -> {
                button.setSelected(true); // one range is always chosen
                model.selectionProperty().set(model.selectionProperty().get().withRange(range));
            });
            row.getChildren().add(button);
        }
        return row;
    }

    private void choose(SeriesFilter filter) {
        model.selectionProperty().set(model.selectionProperty().get().withFilter(filter));
    }

    /** Offers the keys of the chosen dimension, keeping the one chosen. */
    private void fillKeys() {
        Dimension chosen = chosenDimension();
        Map<Dimension, List<String>> known = model.keysProperty().get();
        List<String> offered = new ArrayList<>(chosen == null ? List.of() : known.getOrDefault(chosen, List.of()));
        offered.remove(SeriesFilter.OTHER); // not a name the access log can be searched for
        if (offered.equals(key.getItems())) {
            return;
        }
        updating = true;
        String kept = key.getValue();
        key.getItems().setAll(offered);
        key.setValue(offered.contains(kept) ? kept : null);
        updating = false;
    }

    private Dimension chosenDimension() {
        for (Dimension d : DashboardSelection.DIMENSIONS) {
            if (label(d).equals(dimension.getValue())) {
                return d;
            }
        }
        return null;
    }

    static String label(Dimension dimension) {
        String name = dimension.label();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
