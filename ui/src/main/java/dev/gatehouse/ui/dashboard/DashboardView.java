package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.telemetry.Dimension;
import dev.gatehouse.ui.common.Theme;

import eu.hansolo.tilesfx.Tile;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The live dashboard's nodes: the range and filter, headline tiles (QPS with its sparkline,
 * tokens, errors, latency, connections, cache, refusals, fallbacks), one gauge per backend
 * endpoint ("no metrics" when it has none), stacked charts and leader boards by model, consumer
 * and route, and pool health. Clicking a tile, a band or a row opens the log explorer on those
 * records. Each view model update is applied as it comes: the view model sets its properties
 * once per poll, in one FX task.
 */
public final class DashboardView extends ScrollPane {

    /** Where the QPS line starts, under the figure, as a share of the tile's height. */
    private static final double SPARKLINE_TOP = 0.43;
    /** Where the leader board rows start, under the title. */
    private static final double LEADERS_TOP = 0.15;

    private final DashboardViewModel model;
    private TileStyle style;
    private final List<Tile> tiles = new ArrayList<>();
    private final List<LeaderBoard> leaderBoards = new ArrayList<>();
    private final Tile qps;
    private final Tile inputTokens;
    private final Tile outputTokens;
    private final Tile errorRate;
    private final Tile p50;
    private final Tile p99;
    private final Tile firstToken;
    private final Tile connections;
    private final Tile streams;
    private final Tile cacheHits;
    private final Tile rateLimited;
    private final Tile fallbacks;
    private final Tile pools;
    private final BreakdownPane breakdown;
    private final FlowPane gpuTiles = grid();
    private final Label problem = new Label();
    private final SparklineChart qpsLine;
    private List<String> gpuKeys = List.of();

    public DashboardView(DashboardViewModel model, Theme theme) {
        this.model = model;
        this.style = TileStyle.of(theme);
        getStyleClass().add("dashboard");
        qps = tile(Tile.SkinType.NUMBER, "Requests per second", "req/s", LogSlice.ALL);
        qpsLine = new SparklineChart(this.style);
        inputTokens = tile(Tile.SkinType.NUMBER, "Input tokens", "tok/s", LogSlice.ALL);
        outputTokens = tile(Tile.SkinType.NUMBER, "Output tokens", "tok/s", LogSlice.ALL);
        errorRate = tile(Tile.SkinType.NUMBER, "Error rate", "%", LogSlice.ERRORS);
        p50 = tile(Tile.SkinType.NUMBER, "Latency p50", "ms", LogSlice.ALL);
        p99 = tile(Tile.SkinType.NUMBER, "Latency p99", "ms", LogSlice.SLOW);
        firstToken = tile(Tile.SkinType.NUMBER, "First token p50", "ms", LogSlice.STREAMS);
        connections = tile(Tile.SkinType.NUMBER, "Connections", "open", LogSlice.ALL);
        streams = tile(Tile.SkinType.NUMBER, "Streams", "open", LogSlice.STREAMS);
        cacheHits = tile(Tile.SkinType.NUMBER, "Cache hit rate", "%", LogSlice.CACHE_HITS);
        rateLimited = tile(Tile.SkinType.NUMBER, "Rate limited", "", LogSlice.RATE_LIMITED);
        fallbacks = tile(Tile.SkinType.NUMBER, "Fallbacks", "", LogSlice.FALLBACKS);
        Tile topModels = tile(Tile.SkinType.TEXT, "Top models (requests)", "", null);
        Tile topConsumers = tile(Tile.SkinType.TEXT, "Top consumers (requests)", "", null);
        Tile topRoutes = tile(Tile.SkinType.TEXT, "Top routes (requests)", "", null);
        pools = tile(Tile.SkinType.TEXT, "Pool health", "", null);
        breakdown = new BreakdownPane(model, this.style);
        qps.setDecimals(1);
        for (Tile tile : List.of(inputTokens, outputTokens, p50, p99, firstToken, connections, streams, rateLimited,
                fallbacks)) {
            tile.setDecimals(0);
        }
        errorRate.setDecimals(2);
        cacheHits.setDecimals(1);
        FlowPane headline = grid();
        headline.getChildren().addAll(drawnOver(qps, qpsLine, SPARKLINE_TOP), inputTokens, outputTokens, errorRate,
                p50, p99, firstToken, connections, streams, cacheHits, rateLimited, fallbacks);
        FlowPane leaders = grid();
        leaders.getChildren().addAll(leaderBoard(topModels, model.topModelsProperty(), Dimension.MODEL),
                leaderBoard(topConsumers, model.topConsumersProperty(), Dimension.CONSUMER),
                leaderBoard(topRoutes, model.topRoutesProperty(), Dimension.ROUTE), pools);
        problem.getStyleClass().add("danger");
        VBox content = new VBox(12, new DashboardToolbar(model), problem, headline, section("GPU and queues"),
                gpuTiles, breakdown, section("Leaders since start"), leaders);
        content.setPadding(new Insets(16));
        setContent(content);
        setFitToWidth(true);

        model.qpsSparklineProperty().addListener((o, before, now) -> showSparkline(now));
        // The span under the line follows the range even when the new range's points equal the old (no traffic).
        model.selectionProperty().addListener((o, before, now) -> showSparkline(model.qpsSparklineProperty().get()));
        model.headlineProperty().addListener((o, before, now) -> showHeadline(now));
        model.gpusProperty().addListener((o, before, now) -> showGpus(now));
        model.poolHealthProperty().addListener((o, before, now) -> TileChanges.description(pools, now.stream()
                .map(p -> p.pool() + ": " + p.serving() + " serving, " + p.out() + " out")
                .collect(Collectors.joining("\n"))));
        model.problemProperty().addListener((o, before, now) -> problem.setText(now));
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
    }

    /** A headline tile; clicking it opens the log explorer on {@code slice} (null: not clickable). */
    private Tile tile(Tile.SkinType skin, String title, String unit, LogSlice slice) {
        Tile tile = style.tile(skin, title, unit);
        if (slice != null) {
            tile.setCursor(Cursor.HAND);
            tile.setOnMouseClicked(e -> model.openLogs(slice));
        }
        tiles.add(tile);
        return tile;
    }

    /**
     * {@code tile} with {@code drawing} over its lower part, from {@code top} (a share of the tile's
     * height) down to the tile's margin: figures that change every second drawn on a canvas.
     */
    private static StackPane drawnOver(Tile tile, Region drawing, double top) {
        StackPane both = new StackPane(tile, drawing);
        StackPane.setAlignment(drawing, Pos.BOTTOM_CENTER);
        double margin = Math.min(TileStyle.WIDTH, TileStyle.HEIGHT) * 0.05; // TilesFX's margin: 5 % of the shorter side
        StackPane.setMargin(drawing, new Insets(0, margin, margin, margin));
        drawing.setMaxHeight(TileStyle.HEIGHT * (1 - top) - margin);
        return both;
    }

    /**
     * The range's requests per second; over a history range the tile's figure is its last minute's
     * rate (live, it is "now", from the headline).
     */
    private void showSparkline(List<Double> points) {
        DashboardRange range = model.selectionProperty().get().range();
        qpsLine.show(points, range.span());
        if (!range.live() && !points.isEmpty()) {
            TileChanges.value(qps, points.get(points.size() - 1));
        }
    }

    private void showHeadline(HeadlineFigures figures) {
        boolean live = model.selectionProperty().get().range().live();
        String totals = live ? " since start" : " in range";
        if (live) {
            TileChanges.value(qps, figures.qps());
        }
        TileChanges.value(inputTokens, figures.inputTokensPerSecond());
        TileChanges.text(inputTokens, figures.totalInputTokens() + totals);
        TileChanges.value(outputTokens, figures.outputTokensPerSecond());
        TileChanges.text(outputTokens, figures.totalOutputTokens() + totals);
        // Live, the error rate is the last minute's (one second's swings on a single failure).
        boolean errorAlert = model.alerting(AlertLevels.ERROR_RATE);
        boolean successAlert = model.alerting(AlertLevels.SUCCESS_RATE);
        percent(errorRate, figures.errorRate(), Double.isNaN(figures.successRate())
                ? (live ? "too few requests in the last minute" : "no traffic")
                : String.format(java.util.Locale.ROOT, "%s%.1f %% succeeded", live ? "last minute: " : "",
                        figures.successRate() * 100));
        TileChanges.valueColor(errorRate, errorAlert ? style.alert() : style.foreground());
        TileChanges.textColor(errorRate, successAlert ? style.alert() : style.muted());
        TileChanges.value(p50, figures.latencyP50Millis());
        TileChanges.value(p99, figures.latencyP99Millis());
        TileChanges.text(p50, live ? "since start" : "avg of minutes");
        TileChanges.text(p99, live ? "since start" : "avg of minutes");
        TileChanges.value(firstToken, figures.firstTokenP50Millis());
        TileChanges.value(connections, figures.activeConnections());
        TileChanges.text(connections, "client connections now");
        TileChanges.value(streams, figures.activeStreams());
        TileChanges.text(streams, "AI responses streaming now");
        // No cache lookups: no route caches, or none of its requests could be cached.
        percent(cacheHits, figures.cacheHitRate(), Double.isNaN(figures.cacheHitRate()) ? "no cache lookups" : "");
        TileChanges.value(rateLimited, figures.rateLimited());
        TileChanges.text(rateLimited, totals.strip());
        TileChanges.value(fallbacks, figures.fallbacks());
        TileChanges.text(fallbacks, totals.strip());
    }

    /** A ratio as a percentage, with {@code text} under it; no requests in the interval shows 0, not NaN. */
    private static void percent(Tile tile, double ratio, String text) {
        TileChanges.value(tile, Double.isNaN(ratio) ? 0 : ratio * 100);
        TileChanges.text(tile, text);
    }

    private void showGpus(List<GpuGauge> gauges) {
        List<String> keys = gauges.stream().map(g -> g.key() + g.hasMetrics()).toList();
        if (!keys.equals(gpuKeys)) {
            gpuKeys = keys;
            List<Tile> made = new ArrayList<>();
            for (GpuGauge gauge : gauges) {
                Tile tile = gauge.hasMetrics() ? gpuTile(gauge) : style.tile(Tile.SkinType.TEXT, gauge.endpoint(), "");
                tile.setCursor(Cursor.HAND);
                tile.setOnMouseClicked(e -> model.openLogsOfEndpoint(gauge.endpoint()));
                made.add(tile);
            }
            gpuTiles.getChildren().setAll(made);
        }
        for (int i = 0; i < gauges.size(); i++) {
            GpuGauge gauge = gauges.get(i);
            Tile tile = (Tile) gpuTiles.getChildren().get(i);
            if (!gauge.hasMetrics()) {
                TileChanges.description(tile, GpuText.noMetrics(gauge));
                TileChanges.text(tile, "pool " + gauge.pool());
                continue;
            }
            TileChanges.description(tile, gauge.pool());
            TileChanges.value(tile, gauge.utilPercent() == null ? 0 : gauge.utilPercent());
            TileChanges.text(tile, GpuText.details(gauge));
            TileChanges.barColor(tile, model.alerting("gpu:" + gauge.key()) ? style.alert() : style.accent());
        }
    }

    private Tile gpuTile(GpuGauge gauge) {
        Tile tile = style.tile(Tile.SkinType.GAUGE, gauge.endpoint(), "% GPU");
        tile.setMaxValue(100);
        tile.setThreshold(AlertLevels.GPU_UTIL_OVER);
        tile.setThresholdVisible(true);
        tile.setThresholdColor(style.alert());
        tile.setDecimals(0);
        return tile;
    }

    private StackPane leaderBoard(Tile tile, ReadOnlyObjectProperty<List<LeaderEntry>> entries, Dimension dimension) {
        LeaderBoard board = new LeaderBoard(dimension, model, style);
        leaderBoards.add(board);
        entries.addListener((o, before, now) -> board.show(now));
        return drawnOver(tile, board, LEADERS_TOP);
    }

    /** Repaints every tile and chart in {@code theme}'s palette: the user switched the theme. */
    public void restyle(Theme theme) {
        TileStyle value = TileStyle.of(theme);
        style = value;
        tiles.forEach(value::paint);
        qpsLine.restyle(value);
        breakdown.restyle(value);
        gpuKeys = List.of(); // GPU tiles are made again in the new colors
        showGpus(model.gpusProperty().get());
        leaderBoards.forEach(board -> board.restyle(value));
        showHeadline(model.headlineProperty().get());
    }

    private static FlowPane grid() {
        FlowPane pane = new FlowPane(12, 12);
        pane.setPrefWrapLength(TileStyle.WIDTH * 6 + 60);
        return pane;
    }

    private static Label section(String title) {
        Label label = new Label(title);
        label.getStyleClass().add("title-4");
        return label;
    }
}
