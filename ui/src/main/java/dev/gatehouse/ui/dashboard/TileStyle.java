package dev.gatehouse.ui.dashboard;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;

import javafx.application.Application;
import javafx.scene.paint.Color;

/**
 * TilesFX tiles in the console's colors: TilesFX paints with its own color properties, not CSS, so
 * the palette of the theme in use (AtlantaFX Primer light or dark) is copied onto each tile.
 */
final class TileStyle {

    static final double WIDTH = 220;
    static final double HEIGHT = 150;

    private final Color background;
    private final Color foreground;
    private final Color accent;
    static final Color ALERT = Color.web("#cf222e");

    private TileStyle(Color background, Color foreground, Color accent) {
        this.background = background;
        this.foreground = foreground;
        this.accent = accent;
    }

    /** The palette of the theme the console shows now. */
    static TileStyle current() {
        String stylesheet = Application.getUserAgentStylesheet();
        boolean dark = stylesheet != null && stylesheet.toLowerCase(java.util.Locale.ROOT).contains("dark");
        return dark ? new TileStyle(Color.web("#161b22"), Color.web("#e6edf3"), Color.web("#2f81f7"))
                : new TileStyle(Color.web("#f6f8fa"), Color.web("#1f2328"), Color.web("#0969da"));
    }

    /** A tile of {@code skin} titled {@code title}, sized and colored for the dashboard grid. */
    Tile tile(Tile.SkinType skin, String title, String unit) {
        Tile tile = TileBuilder.create().skinType(skin).prefSize(WIDTH, HEIGHT).title(title).unit(unit)
                .backgroundColor(background).foregroundBaseColor(foreground).barColor(accent)
                .animated(false).build();
        tile.setTitleColor(foreground);
        tile.setValueColor(foreground);
        tile.setUnitColor(foreground);
        tile.setTextColor(foreground);
        return tile;
    }

    Color foreground() {
        return foreground;
    }

    Color accent() {
        return accent;
    }
}
