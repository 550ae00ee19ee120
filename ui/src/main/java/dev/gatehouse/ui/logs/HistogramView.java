package dev.gatehouse.ui.logs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * The requests histogram: one column per slot, stacked 1xx–3xx, 4xx, 5xx from the bottom, with
 * the first and last times and the tallest bar's count as labels. Dragging across it selects a
 * span and narrows the explorer's range to it.
 */
final class HistogramView extends Region {

    private static final double TOP = 16;
    private static final double BOTTOM = 18;
    private static final double SIDE = 12;
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final LogsViewModel model;
    private final Region selection = new Region();
    private final Label from = axisLabel();
    private final Label to = axisLabel();
    private final Label peak = axisLabel();
    private final Label empty = axisLabel();
    private final List<Region> bars = new ArrayList<>();
    private List<HistogramBar> shown = List.of();
    private double dragStartX = Double.NaN;

    HistogramView(LogsViewModel model) {
        this.model = model;
        getStyleClass().add("logs-histogram");
        setMinHeight(96);
        setPrefHeight(110);
        selection.getStyleClass().add("drag-selection");
        selection.setVisible(false);
        selection.setMouseTransparent(true);
        empty.setText("No requests in this range");
        getChildren().addAll(from, to, peak, empty, selection);
        model.histogramProperty().addListener((o, before, now) -> show(now));
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> startDrag(e.getX()));
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> drag(e.getX()));
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> endDrag(e.getX()));
        show(model.histogramProperty().get());
    }

    private static Label axisLabel() {
        Label label = new Label();
        label.getStyleClass().add("axis-label");
        label.setManaged(false);
        return label;
    }

    private void show(List<HistogramBar> next) {
        getChildren().removeAll(bars);
        bars.clear();
        shown = next;
        ZoneId zone = model.zone();
        for (HistogramBar bar : next) {
            Tooltip tip = new Tooltip(String.format(Locale.ROOT, "%s\n%,d requests: %,d ok, %,d 4xx, %,d 5xx",
                    SHORT.format(Instant.ofEpochMilli(bar.startMillis()).atZone(zone)), bar.total(), bar.ok(),
                    bar.clientErrors(), bar.serverErrors()));
            for (String style : new String[] {"bar-ok", "bar-4xx", "bar-5xx"}) {
                Region part = new Region();
                part.getStyleClass().add(style);
                part.setManaged(false);
                Tooltip.install(part, tip);
                bars.add(part);
            }
        }
        getChildren().addAll(0, bars);
        long max = next.stream().mapToLong(HistogramBar::total).max().orElse(0);
        long slotMinutes = next.isEmpty() ? 0 : (next.get(0).endMillis() - next.get(0).startMillis()) / 60_000;
        peak.setText(max == 0 ? "" : String.format(Locale.ROOT, "%,d requests per %s at most", max,
                slotMinutes % 60 == 0 ? slotMinutes / 60 + " h" : slotMinutes + " min"));
        empty.setVisible(!next.isEmpty() && max == 0);
        from.setText(next.isEmpty() ? "" : SHORT.format(Instant.ofEpochMilli(next.get(0).startMillis()).atZone(zone)));
        to.setText(next.isEmpty() ? "" : SHORT.format(Instant.ofEpochMilli(next.get(next.size() - 1).endMillis()).atZone(zone)));
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth() - 2 * SIDE;
        double height = getHeight() - TOP - BOTTOM;
        long max = shown.stream().mapToLong(HistogramBar::total).max().orElse(0);
        double slot = shown.isEmpty() ? 0 : width / shown.size();
        double gap = slot > 4 ? 1 : 0;
        for (int i = 0; i < shown.size(); i++) {
            HistogramBar bar = shown.get(i);
            double x = SIDE + i * slot;
            double y = TOP + height;
            long[] parts = {bar.ok(), bar.clientErrors(), bar.serverErrors()};
            for (int p = 0; p < 3; p++) {
                double h = max == 0 ? 0 : height * parts[p] / max;
                y -= h;
                bars.get(i * 3 + p).resizeRelocate(x, y, Math.max(1, slot - gap), h);
            }
        }
        place(peak, SIDE, 0);
        place(from, SIDE, getHeight() - BOTTOM + 1);
        place(to, getWidth() - SIDE - to.prefWidth(-1), getHeight() - BOTTOM + 1);
        place(empty, (getWidth() - empty.prefWidth(-1)) / 2, TOP + height / 2 - 8);
    }

    private static void place(Label label, double x, double y) {
        label.resizeRelocate(x, y, label.prefWidth(-1), label.prefHeight(-1));
    }

    private void startDrag(double x) {
        dragStartX = x;
        selection.setVisible(false);
    }

    private void drag(double x) {
        if (Double.isNaN(dragStartX)) {
            return;
        }
        double left = Math.min(dragStartX, x);
        selection.resizeRelocate(left, TOP, Math.abs(x - dragStartX), getHeight() - TOP - BOTTOM);
        selection.setVisible(true);
    }

    private void endDrag(double x) {
        double start = dragStartX;
        dragStartX = Double.NaN;
        selection.setVisible(false);
        if (Double.isNaN(start) || Math.abs(x - start) < 4 || shown.isEmpty()) {
            return;
        }
        model.narrow(timeAt(Math.min(start, x)), timeAt(Math.max(start, x)));
    }

    /** The time under {@code x}, within the bars' span. */
    long timeAt(double x) {
        long first = shown.get(0).startMillis();
        long last = shown.get(shown.size() - 1).endMillis();
        double fraction = Math.min(1, Math.max(0, (x - SIDE) / (getWidth() - 2 * SIDE)));
        return first + Math.round(fraction * (last - first));
    }
}
