package dev.gatehouse.ui.dashboard;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.fonts.Fonts;
import eu.hansolo.tilesfx.skins.TileSkin;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A headline tile as TilesFX's NUMBER tile draws it (title, the figure with its unit, or "a/b"
 * unit as a fraction, on the right, a line of text at the bottom), made so that a new figure or
 * text costs only that text. TilesFX's own skin redraws the whole tile on every change: new
 * fonts for every text, a new background and border, and its (unused) description label's font,
 * which the console stylesheet's font size overrides, set again each time, so the label's CSS is
 * matched anew on every redraw. Here fonts are set when the tile is resized, the background when
 * its color changes. Positions and sizes are those of TilesFX's NUMBER tile, in parts of the
 * tile's shorter side.
 */
final class FigureTileSkin extends TileSkin {

    private static final double SMALL_TEXT = 0.06;
    private static final double VALUE_TEXT = 0.24;
    private static final double UNIT_TEXT = 0.1;

    // Set in initGraphics, which TileSkin's constructor calls before this class's initializers would run.
    private Text title;
    private Text value;
    private Text upperUnit;
    private Text lowerUnit;
    private Line fraction;
    private Text text;
    private Color paintedBackground;
    private double paintedSize;

    FigureTileSkin(Tile tile) {
        super(tile);
    }

    @Override
    protected void initGraphics() {
        super.initGraphics();
        title = text(VPos.TOP);
        value = text(VPos.TOP);
        upperUnit = text(VPos.TOP);
        lowerUnit = text(VPos.TOP);
        text = text(VPos.BASELINE);
        fraction = new Line();
        // Placed by hand through their own x and y, not by the pane's layout nor by relocating
        // them (a new layout position lays the tile and the whole page out again): a new figure
        // then costs no layout pass beyond its own text.
        fraction.setManaged(false);
        getPane().getChildren().addAll(title, value, upperUnit, fraction, lowerUnit, text);
    }

    private static Text text(VPos origin) {
        Text node = new Text();
        node.setTextOrigin(origin);
        node.setManaged(false);
        return node;
    }

    @Override
    protected void handleCurrentValue(double current) {
        value.setText(String.format(tile.getLocale(), "%." + tile.getDecimals() + "f", current));
        placeValue();
    }

    @Override
    protected void resize() {
        super.resize();
        if (width <= 0 || height <= 0) {
            return;
        }
        // The title's, figure's and text's fonts are set as they are fitted into the tile.
        upperUnit.setFont(Fonts.latoRegular(size * UNIT_TEXT));
        lowerUnit.setFont(Fonts.latoRegular(size * UNIT_TEXT));
        title.setX(inset);
        title.setY(inset);
        text.setX(inset);
        text.setY(height - inset);
        fraction.setStrokeWidth(size * 0.005);
    }

    /** Texts and colors of the tile; the background and border only when their color or the size changed. */
    @Override
    protected void redraw() {
        if (!tile.getBackgroundColor().equals(paintedBackground) || size != paintedSize) {
            super.redraw();
            paintedBackground = tile.getBackgroundColor();
            paintedSize = size;
        }
        title.setText(tile.getTitle());
        text.setText(tile.getText());
        String unit = tile.getUnit();
        int slash = unit.indexOf('/');
        upperUnit.setText(slash < 0 ? "" : unit.substring(0, slash));
        lowerUnit.setText(slash < 0 ? unit : unit.substring(slash + 1));
        fraction.setVisible(slash >= 0);
        title.setFill(tile.getTitleColor());
        text.setFill(tile.getTextColor());
        value.setFill(tile.getValueColor());
        upperUnit.setFill(tile.getUnitColor());
        lowerUnit.setFill(tile.getUnitColor());
        fraction.setStroke(tile.getUnitColor());
        if (width > 0 && height > 0) {
            fitText();
            placeUnit();
            handleCurrentValue(tile.getCurrentValue());
        }
    }

    /** The unit right-aligned at the right margin: its fraction line, the part above it and the part below. */
    private void placeUnit() {
        double right = width - inset;
        double line = size * 0.3;
        place(upperUnit, right - upperUnit.getLayoutBounds().getWidth(), size * 0.164);
        place(lowerUnit, right - lowerUnit.getLayoutBounds().getWidth(), size * 0.289);
        fraction.setStartX(right - size * 0.12);
        fraction.setEndX(right);
        fraction.setStartY(line);
        fraction.setEndY(line);
    }

    /** The figure right-aligned against its unit, made smaller when it would not fit. */
    private void placeValue() {
        if (width <= 0 || height <= 0) {
            return;
        }
        double unitWidth = Math.max(upperUnit.getLayoutBounds().getWidth(), lowerUnit.getLayoutBounds().getWidth());
        double right = width - inset - (unitWidth > 0 ? unitWidth + 1 : 0);
        shrinkToFit(value, VALUE_TEXT, right - inset);
        place(value, right - value.getLayoutBounds().getWidth(), size * 0.145);
    }

    /** The text's top left corner at (x, y); texts hang from their top (TOP origin). */
    private static void place(Text node, double x, double y) {
        node.setX(x);
        node.setY(y);
    }

    private void fitText() {
        shrinkToFit(title, SMALL_TEXT, width - 2 * inset);
        shrinkToFit(text, SMALL_TEXT, width - 2 * inset);
    }

    /** The text's font at {@code share} of the tile's side, or smaller so that it is at most {@code room} wide. */
    private void shrinkToFit(Text node, double share, double room) {
        Font font = node.getFont();
        double wanted = size * share;
        if (font.getSize() != wanted) {
            node.setFont(Fonts.latoRegular(wanted)); // back to full size first: the text may have got shorter
        }
        double measured = node.getLayoutBounds().getWidth();
        if (measured > room && room > 0) {
            node.setFont(Fonts.latoRegular(wanted * room / measured));
        }
    }
}
