package dev.gatehouse.ui.logs;

import dev.gatehouse.ui.common.Icons;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The filter controls: the range, status classes, model, route, consumer and search on the first
 * line; code, upstream host, response type, cache, rate-limited, fallback, slower-than and custom
 * bounds on a second line shown by "More". Each control sets its filter when committed (Enter or
 * a pick), and follows the filter when it changes elsewhere (a chip removed, a slice opened).
 */
final class FilterBar extends VBox {

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String ANY = "any";

    private final LogsViewModel model;
    private final ComboBox<TimeRange.Preset> range = new ComboBox<>(FXCollections.observableArrayList(TimeRange.Preset.values()));
    private final List<ToggleButton> classes = new ArrayList<>();
    private final List<Runnable> followers = new ArrayList<>();
    private final TextField search = new TextField();
    private final TextField fromField = new TextField();
    private final TextField toField = new TextField();
    private final FlowPane more = new FlowPane();
    private boolean following;

    FilterBar(LogsViewModel model, List<Node> trailing) {
        this.model = model;
        range.setId("range");
        range.setOnAction(e -> {
            TimeRange.Preset preset = range.getValue();
            if (!following && preset != null && preset != TimeRange.Preset.CUSTOM) {
                model.setRange(TimeRange.of(preset));
            }
        });
        HBox pickers = new HBox(range);
        pickers.getStyleClass().add("logs-toolbar");
        for (int statusClass = 2; statusClass <= 5; statusClass++) {
            ToggleButton toggle = new ToggleButton(statusClass + "xx");
            toggle.setId("status-" + statusClass + "xx");
            toggle.setMinWidth(Region.USE_PREF_SIZE);
            toggle.setOnAction(e -> commitClasses());
            classes.add(toggle);
        }
        pickers.getChildren().add(new HBox(classes.toArray(Node[]::new)));
        pickers.getChildren().addAll(picker("model", "Model", model.models(), FilterKey.MODEL, 190),
                picker("route", "Route", model.routes(), FilterKey.ROUTE, 130),
                picker("consumer", "Consumer", model.consumers(), FilterKey.CONSUMER, 150));
        search.setId("search");
        search.setPromptText("Search path, user agent, errors (whole words; chat* for a prefix)");
        search.setOnAction(e -> model.set(FilterKey.TEXT, search.getText()));
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setMinWidth(160);
        ToggleButton moreToggle = new ToggleButton("More filters", Icons.of("fth-sliders"));
        moreToggle.setId("more-filters");
        Label title = new Label("Logs");
        title.getStyleClass().add("title-2");
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox first = new HBox(title, search, moreToggle);
        first.getStyleClass().add("logs-toolbar");
        first.getChildren().addAll(trailing);
        first.getChildren().forEach(node -> {
            if (node != search && node != title && node instanceof Region region) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        });

        more.getStyleClass().add("logs-more");
        more.visibleProperty().bind(moreToggle.selectedProperty());
        more.managedProperty().bind(moreToggle.selectedProperty());
        more.getChildren().addAll(field("code", "Code", "e.g. 502", FilterKey.CODE, 80),
                field("host", "Upstream", "host:port", FilterKey.HOST, 150),
                choice("type", "Response", FilterKey.TYPE, ANY, "stream", "normal"),
                choice("cache", "Cache", FilterKey.CACHE, ANY, "hit", "miss"),
                choice("limited", "Rate-limited", FilterKey.LIMITED, ANY, "yes", "no"),
                choice("fallback", "Fallback", FilterKey.FALLBACK, ANY, "yes", "no"),
                field("slower", "Slower than", "ms", FilterKey.SLOWER, 80),
                customRange());
        getChildren().addAll(first, pickers, more);
        model.filterProperty().addListener((o, before, now) -> follow());
        follow();
    }

    void focusSearch() {
        search.requestFocus();
    }

    private void commitClasses() {
        String value = String.join(",", classes.stream().filter(ToggleButton::isSelected)
                .map(t -> t.getText().substring(0, 1)).toList());
        model.set(FilterKey.STATUS, value);
    }

    private ComboBox<String> picker(String id, String prompt, ObservableList<String> values, FilterKey key, double width) {
        ComboBox<String> combo = new ComboBox<>(values);
        combo.setId(id);
        combo.setEditable(true);
        combo.setPromptText(prompt);
        combo.setPrefWidth(width);
        combo.setOnAction(e -> {
            if (!following) {
                model.set(key, combo.getValue());
            }
        });
        followers.add(() -> combo.setValue(model.filterProperty().get().values().get(key)));
        return combo;
    }

    private Node field(String id, String label, String prompt, FilterKey key, double width) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefWidth(width);
        field.setOnAction(e -> model.set(key, field.getText()));
        followers.add(() -> field.setText(model.filterProperty().get().values().getOrDefault(key, "")));
        return labelled(label, field);
    }

    private Node choice(String id, String label, FilterKey key, String... options) {
        ComboBox<String> combo = new ComboBox<>(FXCollections.observableArrayList(options));
        combo.setId(id);
        combo.setOnAction(e -> {
            if (!following) {
                model.set(key, ANY.equals(combo.getValue()) ? null : combo.getValue());
            }
        });
        followers.add(() -> combo.setValue(model.filterProperty().get().values().getOrDefault(key, ANY)));
        return labelled(label, combo);
    }

    private Node customRange() {
        fromField.setId("from");
        toField.setId("to");
        fromField.setPromptText("yyyy-MM-dd HH:mm");
        toField.setPromptText("empty: now");
        fromField.setPrefWidth(165);
        toField.setPrefWidth(150);
        Consumer<Object> commit = e -> commitCustom();
        fromField.setOnAction(commit::accept);
        toField.setOnAction(commit::accept);
        HBox bounds = new HBox(4, fromField, new Label("to"), toField);
        bounds.setStyle("-fx-alignment: center-left;");
        return labelled("From", bounds);
    }

    private void commitCustom() {
        ZoneId zone = model.zone();
        try {
            Long from = fromField.getText().isBlank() ? null
                    : LocalDateTime.parse(fromField.getText().strip(), TYPED).atZone(zone).toInstant().toEpochMilli();
            Long to = toField.getText().isBlank() ? null
                    : LocalDateTime.parse(toField.getText().strip(), TYPED).atZone(zone).toInstant().toEpochMilli();
            model.setRange(TimeRange.between(from, to));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            // Nothing applied: the fields stay as typed, marked, until corrected.
            fromField.setStyle("-fx-border-color: -color-danger-emphasis;");
            toField.setStyle("-fx-border-color: -color-danger-emphasis;");
        }
    }

    private static Node labelled(String text, Node control) {
        Label label = new Label(text);
        label.setLabelFor(control);
        HBox box = new HBox(4, label, control);
        box.setStyle("-fx-alignment: center-left;");
        return box;
    }

    /** Shows the filter as it is now, without the controls' own handlers setting it again. */
    private void follow() {
        following = true;
        try {
            LogFilter filter = model.filterProperty().get();
            range.setValue(filter.range().preset());
            Map<FilterKey, String> values = filter.values();
            List<String> on = values.containsKey(FilterKey.STATUS)
                    ? Arrays.stream(values.get(FilterKey.STATUS).split(",")).map(String::trim).toList() : List.of();
            classes.forEach(t -> t.setSelected(on.contains(t.getText().substring(0, 1))));
            search.setText(values.getOrDefault(FilterKey.TEXT, ""));
            fromField.setStyle("");
            toField.setStyle("");
            TimeRange r = filter.range();
            fromField.setText(r.fromMillis() == null ? "" : TYPED.format(Instant.ofEpochMilli(r.fromMillis()).atZone(model.zone())));
            toField.setText(r.toMillis() == null ? "" : TYPED.format(Instant.ofEpochMilli(r.toMillis()).atZone(model.zone())));
            followers.forEach(Runnable::run);
        } finally {
            following = false;
        }
    }
}
