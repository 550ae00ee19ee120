package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.telemetry.Dimension;

import eu.hansolo.tilesfx.fonts.Fonts;

import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The rows of one leader board tile (by model, consumer or route): name and tokens on the left,
 * requests on the right, busiest first; clicking a row opens the log explorer on its key. Drawn
 * on one canvas, since every figure changes every second under load: TilesFX's leader board
 * re-sorted its list and laid out and styled its list cells again for every new name or value,
 * the most expensive part of the dashboard's update on the FX thread.
 */
final class LeaderBoard extends CanvasFigure {

    private static final Font NAME = Fonts.latoRegular(10);
    private static final double ROW = 18;

    /** Measures a row's figure, so that its name is cut before it. */
    private final Text measure = new Text();
    private List<LeaderEntry> entries = List.of();

    LeaderBoard(Dimension dimension, DashboardViewModel model, TileStyle style) {
        super(style);
        measure.setFont(NAME);
        canvas.setOnMouseClicked(e -> {
            int row = (int) (e.getY() / ROW);
            if (row < entries.size()) {
                model.openLogs(dimension, entries.get(row).name());
            }
        });
    }

    void show(List<LeaderEntry> value) {
        entries = value;
        canvas.setCursor(value.isEmpty() ? Cursor.DEFAULT : Cursor.HAND);
        draw();
    }

    @Override
    void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        g.clearRect(0, 0, w, canvas.getHeight());
        g.setFont(NAME);
        g.setTextBaseline(VPos.CENTER);
        if (entries.isEmpty()) {
            g.setFill(style.muted());
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("none yet", w / 2, ROW / 2);
            return;
        }
        g.setStroke(style.muted().deriveColor(0, 1, 1, 0.35));
        g.setLineWidth(0.5);
        for (int i = 0; i < entries.size() && (i + 1) * ROW <= canvas.getHeight(); i++) {
            LeaderEntry entry = entries.get(i);
            double middle = i * ROW + ROW / 2;
            String requests = Long.toString(entry.requests());
            measure.setText(requests);
            double valueWidth = measure.getLayoutBounds().getWidth() + 6;
            g.setFill(style.foreground());
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(requests, w, middle);
            g.save();
            g.beginPath();
            g.rect(0, i * ROW, Math.max(0, w - valueWidth), ROW); // a long name is cut, not drawn over the figure
            g.clip();
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(entry.name() + "  (" + entry.tokens() + " tok)", 0, middle);
            g.restore();
            g.strokeLine(0, (i + 1) * ROW - 0.5, w, (i + 1) * ROW - 0.5);
        }
    }
}
