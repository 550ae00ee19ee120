package dev.gatehouse.ui.dashboard;

import eu.hansolo.tilesfx.Tile;

import java.util.Objects;

import javafx.scene.paint.Color;

/**
 * Sets a tile's figure, texts and colors only when what it shows changes. TilesFX redraws the
 * whole tile on every {@code setText}, {@code setDescription} or color set, even to the value it
 * already has (new fonts, its labels' CSS re-applied, the grid laid out again), and a once-a-second
 * dashboard sets most of them to the same thing every second. FX thread only.
 */
final class TileChanges {

    private TileChanges() {
    }

    static void text(Tile tile, String text) {
        if (!Objects.equals(text, tile.getText())) {
            tile.setText(text);
        }
    }

    static void description(Tile tile, String description) {
        if (!Objects.equals(description, tile.getDescription())) {
            tile.setDescription(description);
        }
    }

    /**
     * The value rounded to the decimals the tile shows: a figure whose digits on screen stay the
     * same costs no new text (and TilesFX re-fonts the value on every change of the number).
     */
    static void value(Tile tile, double value) {
        double scale = Math.pow(10, tile.getDecimals());
        double shown = Math.round(value * scale) / scale;
        if (Double.compare(shown, tile.getValue()) != 0) {
            tile.setValue(shown);
        }
    }

    static void valueColor(Tile tile, Color color) {
        if (!color.equals(tile.getValueColor())) {
            tile.setValueColor(color);
        }
    }

    static void textColor(Tile tile, Color color) {
        if (!color.equals(tile.getTextColor())) {
            tile.setTextColor(color);
        }
    }

    static void barColor(Tile tile, Color color) {
        if (!color.equals(tile.getBarColor())) {
            tile.setBarColor(color);
        }
    }
}
