package dev.gatehouse.ui.dashboard;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A stacked area chart of a {@link Breakdown}, drawn on one canvas: thousands of points redrawn
 * every second cost a path per band instead of a node per point (JavaFX's own charts make a node
 * for each data point). Clicking inside a band calls back with its key.
 */
final class StackedChart extends CanvasFigure {

    private static final double AXIS = 46;
    private static final double BOTTOM = 18;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final boolean tokens;
    private Breakdown data = Breakdown.NONE;

    /** {@code tokens}: stack tokens per second instead of requests per second. */
    StackedChart(boolean tokens, TileStyle style, Consumer<String> onBandClicked) {
        super(style);
        this.tokens = tokens;
        setPrefSize(TileStyle.WIDTH * 2 + 12, TileStyle.HEIGHT * 1.4);
        setMinHeight(120);
        canvas.setOnMouseClicked(e -> {
            int at = indexAt(e.getX());
            if (at < 0) {
                return;
            }
            String key = data.keyAt(at, valueAt(e.getY()), tokens);
            if (key != null) {
                onBandClicked.accept(key);
            }
        });
    }

    void show(Breakdown breakdown) {
        data = breakdown;
        draw();
    }

    private double max() {
        double max = 0;
        for (int i = 0; i < data.times().size(); i++) {
            double sum = 0;
            for (Breakdown.Band band : data.bands()) {
                sum += values(band)[i];
            }
            max = Math.max(max, sum);
        }
        return niceCeiling(max);
    }

    private double[] values(Breakdown.Band band) {
        return tokens ? band.tokensPerSecond() : band.requestsPerSecond();
    }

    @Override
    void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(style.background());
        g.fillRect(0, 0, w, h);
        int n = data.times().size();
        double plotW = w - AXIS - 8;
        double plotH = h - BOTTOM - 8;
        g.setFont(Font.font(11));
        g.setFill(style.muted());
        g.setTextBaseline(VPos.CENTER);
        if (n < 2 || plotW <= 0 || plotH <= 0) {
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("no traffic in this range yet", w / 2, h / 2);
            return;
        }
        double max = max();
        double[] below = new double[n];
        for (int b = 0; b < data.bands().size(); b++) {
            double[] values = values(data.bands().get(b));
            g.beginPath();
            for (int i = 0; i < n; i++) {
                g.lineTo(x(i, n, plotW), y(below[i] + values[i], max, plotH));
            }
            for (int i = n - 1; i >= 0; i--) {
                g.lineTo(x(i, n, plotW), y(below[i], max, plotH));
                below[i] += values[i];
            }
            g.closePath();
            g.setFill(style.seriesColor(b).deriveColor(0, 1, 1, 0.75));
            g.fill();
        }
        g.setStroke(style.muted().deriveColor(0, 1, 1, 0.5));
        g.setLineWidth(1);
        g.strokeLine(AXIS, 4 + plotH + 0.5, AXIS + plotW, 4 + plotH + 0.5);
        g.setFill(style.muted());
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(format(max), AXIS - 6, 4);
        g.fillText("0", AXIS - 6, 4 + plotH);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(CLOCK.format(data.times().get(0)), AXIS, h - BOTTOM + 4);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(CLOCK.format(data.times().get(n - 1)), AXIS + plotW, h - BOTTOM + 4);
    }

    private static double x(int i, int n, double plotW) {
        return AXIS + plotW * i / (n - 1);
    }

    private static double y(double value, double max, double plotH) {
        return 4 + plotH - (max == 0 ? 0 : value / max * plotH);
    }

    private int indexAt(double px) {
        int n = data.times().size();
        double plotW = canvas.getWidth() - AXIS - 8;
        if (n < 2 || px < AXIS || px > AXIS + plotW) {
            return -1;
        }
        return (int) Math.round((px - AXIS) / plotW * (n - 1));
    }

    private double valueAt(double py) {
        double plotH = canvas.getHeight() - BOTTOM - 8;
        return (4 + plotH - py) / plotH * max();
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value}: an axis top a person reads at a glance. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (value <= step * power) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String format(double value) {
        if (value >= 1000) {
            return String.format(Locale.ROOT, value >= 10_000 ? "%.0fk" : "%.1fk", value / 1000);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.0f" : "%.1f", value);
    }
}
