package dev.gatehouse.ui.dashboard;

import eu.hansolo.tilesfx.fonts.Fonts;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The requests-per-second line under the QPS tile's figure, drawn on one canvas from the view
 * model's points: redrawing a few hundred points once a second is one polyline, with no node per
 * point to update, lay out or style (TilesFX's sparkline moved hundreds of path elements and
 * re-fonted its labels on every value, most of the dashboard's time on the FX thread). Shows the
 * highest point at the top left, 0 at the bottom and the range's span; lets clicks through to the
 * tile under it.
 */
final class SparklineChart extends CanvasFigure {

    /** The height of the label rows above and under the line. */
    private static final double LABELS = 10;
    private static final Font FONT = Fonts.latoRegular(7.7);

    private List<Double> points = List.of();
    private Duration span = Duration.ZERO;

    SparklineChart(TileStyle style) {
        super(style);
        setMouseTransparent(true);
    }

    void show(List<Double> values, Duration over) {
        points = values;
        span = over;
        draw();
    }

    @Override
    void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double top = LABELS;
        double plotH = canvas.getHeight() - 2 * LABELS;
        g.clearRect(0, 0, w, canvas.getHeight());
        if (w <= 0 || plotH <= 0) {
            return;
        }
        double max = 0;
        for (double point : points) {
            max = Math.max(max, point);
        }
        g.setStroke(style.muted().deriveColor(0, 1, 1, 0.5));
        g.setLineWidth(0.5);
        g.setLineDashes(1, 2);
        for (double y : new double[] {top + 0.5, top + plotH / 2, top + plotH - 0.5}) {
            g.strokeLine(0, y, w, y);
        }
        g.setLineDashes((double[]) null);
        int n = points.size();
        if (n > 0) {
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = n == 1 ? w : w * i / (n - 1);
                ys[i] = top + plotH - (max == 0 ? 0 : points.get(i) / max * (plotH - 1));
            }
            g.setStroke(style.accent());
            g.setLineWidth(1);
            g.strokePolyline(xs, ys, n);
        }
        g.setFill(style.muted());
        g.setFont(FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(String.format(Locale.ROOT, "%.1f", max), 0, top - 1);
        g.setTextBaseline(VPos.TOP);
        g.fillText("0", 0, top + plotH + 1);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("⊢ " + spanText() + " →", w / 2, top + plotH + 1);
    }

    private String spanText() {
        return span.toMinutes() >= 60 ? span.toHours() + "h" : span.toMinutes() + "m";
    }
}
