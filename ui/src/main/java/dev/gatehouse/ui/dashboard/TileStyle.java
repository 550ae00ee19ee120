package dev.gatehouse.ui.dashboard;

import dev.gatehouse.ui.common.Theme;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;

import java.util.List;

import javafx.scene.paint.Color;

/**
 * TilesFX tiles and the stacked charts in the console's colors: TilesFX paints with its own color
 * properties, not CSS, so the palette of the theme (AtlantaFX Primer light or dark) is copied
 * onto each tile, and copied again when the user switches the theme.
 */
record TileStyle(Color background, Color foreground, Color muted, Color accent, Color alert, List<Color> series) {

    /** Six tiles and their gaps fit a 1,200-pixel-wide page: the twelve headline tiles take two rows. */
    static final double WIDTH = 178;
    static final double HEIGHT = 128;

    private static final TileStyle LIGHT = new TileStyle(Color.web("#f6f8fa"), Color.web("#1f2328"),
            Color.web("#656d76"), Color.web("#0969da"), Color.web("#cf222e"), List.of(Color.web("#0969da"),
            Color.web("#1a7f37"), Color.web("#bc4c00"), Color.web("#8250df"), Color.web("#bf3989"), Color.web("#6e7781")));
    private static final TileStyle DARK = new TileStyle(Color.web("#161b22"), Color.web("#e6edf3"),
            Color.web("#8d96a0"), Color.web("#2f81f7"), Color.web("#f85149"), List.of(Color.web("#2f81f7"),
            Color.web("#3fb950"), Color.web("#db6d28"), Color.web("#a371f7"), Color.web("#db61a2"), Color.web("#8b949e")));

    static TileStyle of(Theme theme) {
        return theme == Theme.DARK ? DARK : LIGHT;
    }

    /** A tile of {@code skin} titled {@code title}, sized and colored for the dashboard grid. */
    Tile tile(Tile.SkinType skin, String title, String unit) {
        Tile tile = TileBuilder.create().skinType(skin).prefSize(WIDTH, HEIGHT).title(title).unit(unit)
                .animated(false).build();
        if (skin == Tile.SkinType.NUMBER) {
            tile.setSkin(new FigureTileSkin(tile)); // before TilesFX makes its own, when the tile is first shown
        }
        paint(tile);
        return tile;
    }

    /** Copies this palette onto {@code tile}. */
    void paint(Tile tile) {
        tile.setBackgroundColor(background);
        tile.setForegroundBaseColor(foreground);
        tile.setBarColor(accent);
        tile.setTitleColor(foreground);
        tile.setValueColor(foreground);
        tile.setUnitColor(foreground);
        tile.setTextColor(muted);
        tile.setDescriptionColor(foreground);
    }

    /** The color of the {@code index}th key of a chart; keys past the palette share its last color. */
    Color seriesColor(int index) {
        return series.get(Math.min(index, series.size() - 1));
    }
}
