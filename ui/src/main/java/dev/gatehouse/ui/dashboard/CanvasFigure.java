package dev.gatehouse.ui.dashboard;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/**
 * A dashboard figure drawn on one canvas that fills it: redrawn when its data or style changes
 * or it is resized, never laid out or styled node by node (the reason the dashboard draws its
 * busiest figures this way: a node per point or row cost the FX thread most of each update).
 */
abstract class CanvasFigure extends Region {

    final Canvas canvas = new Canvas();
    TileStyle style;

    CanvasFigure(TileStyle style) {
        this.style = style;
        getChildren().add(canvas);
    }

    void restyle(TileStyle value) {
        style = value;
        draw();
    }

    /** Paints the whole canvas from the current data and style. */
    abstract void draw();

    @Override
    protected void layoutChildren() {
        double width = snapSizeX(getWidth());
        double height = snapSizeY(getHeight());
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            draw();
        }
    }
}
