package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.telemetry.Dimension;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.skins.LeaderBoardItem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.Cursor;

/**
 * The rows of one leader board tile. Rows are made once per set of names and then only given new
 * values, without TilesFX's animation: replacing its items makes its skin lay every row out again
 * for each one added, and animating a value re-sorts and lays the board out on every pulse.
 */
final class LeaderBoard {

    private final Tile tile;
    private final Dimension dimension;
    private final DashboardViewModel model;
    private final Map<String, LeaderBoardItem> rows = new LinkedHashMap<>();
    private TileStyle style;

    LeaderBoard(Tile tile, Dimension dimension, DashboardViewModel model, TileStyle style) {
        this.tile = tile;
        this.dimension = dimension;
        this.model = model;
        this.style = style;
    }

    void show(List<LeaderEntry> entries) {
        List<String> names = entries.stream().map(LeaderEntry::name).toList();
        if (!names.equals(List.copyOf(rows.keySet()))) {
            rows.clear();
            entries.forEach(entry -> rows.put(entry.name(), row(entry)));
            tile.setLeaderBoardItems(List.copyOf(rows.values()));
            return;
        }
        for (LeaderEntry entry : entries) {
            LeaderBoardItem row = rows.get(entry.name());
            row.setName(label(entry));
            row.setValue(entry.requests());
        }
    }

    void restyle(TileStyle value) {
        style = value;
        rows.values().forEach(row -> {
            row.setNameColor(value.foreground());
            row.setValueColor(value.foreground());
        });
    }

    private LeaderBoardItem row(LeaderEntry entry) {
        LeaderBoardItem item = new LeaderBoardItem(label(entry), entry.requests());
        // TilesFX animates a new value over many pulses, re-sorting and laying the board out on each
        // one: most of the FX thread's time at 5,000 req/s. A once-a-second figure needs no tween.
        item.getChartData().setAnimated(false);
        item.setNameColor(style.foreground());
        item.setValueColor(style.foreground());
        item.setCursor(Cursor.HAND);
        item.setOnMouseClicked(e -> model.openLogs(dimension, entry.name()));
        return item;
    }

    private static String label(LeaderEntry entry) {
        return entry.name() + "  (" + entry.tokens() + " tok)";
    }
}
