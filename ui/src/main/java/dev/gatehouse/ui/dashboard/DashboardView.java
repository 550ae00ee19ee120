package dev.gatehouse.ui.dashboard;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.skins.LeaderBoardItem;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The live dashboard's nodes: headline tiles (QPS with its sparkline, tokens, errors, latency,
 * connections, cache, refusals, fallbacks), one gauge per backend endpoint ("no metrics" when it
 * has none), leader boards by model, consumer and route, and pool health. Each view model update
 * is applied as it comes: the view model sets its properties once per poll, in one FX task.
 */
public final class DashboardView extends ScrollPane {

    private final DashboardViewModel model;
    private final TileStyle style = TileStyle.current();
    private final Tile qps = style.tile(Tile.SkinType.SPARK_LINE, "Requests per second", "req/s");
    private final Tile inputTokens = style.tile(Tile.SkinType.NUMBER, "Input tokens", "tok/s");
    private final Tile outputTokens = style.tile(Tile.SkinType.NUMBER, "Output tokens", "tok/s");
    private final Tile errorRate = style.tile(Tile.SkinType.NUMBER, "Error rate", "%");
    private final Tile p50 = style.tile(Tile.SkinType.NUMBER, "Latency p50", "ms");
    private final Tile p99 = style.tile(Tile.SkinType.NUMBER, "Latency p99", "ms");
    private final Tile firstToken = style.tile(Tile.SkinType.NUMBER, "First token p50", "ms");
    private final Tile connections = style.tile(Tile.SkinType.NUMBER, "Connections", "open");
    private final Tile cacheHits = style.tile(Tile.SkinType.NUMBER, "Cache hit rate", "%");
    private final Tile rateLimited = style.tile(Tile.SkinType.NUMBER, "Rate limited", "total");
    private final Tile fallbacks = style.tile(Tile.SkinType.NUMBER, "Fallbacks", "total");
    private final Tile topModels = style.tile(Tile.SkinType.LEADER_BOARD, "Top models (requests)", "");
    private final Tile topConsumers = style.tile(Tile.SkinType.LEADER_BOARD, "Top consumers (requests)", "");
    private final Tile topRoutes = style.tile(Tile.SkinType.LEADER_BOARD, "Top routes (requests)", "");
    private final Tile pools = style.tile(Tile.SkinType.TEXT, "Pool health", "");
    private final FlowPane gpuTiles = grid();
    private final Label problem = new Label();
    private List<String> gpuKeys = List.of();
    private boolean sparklineSeeded;

    public DashboardView(DashboardViewModel model) {
        this.model = model;
        getStyleClass().add("dashboard");
        qps.setAveragingPeriod(300);
        qps.setDecimals(1);
        for (Tile tile : List.of(inputTokens, outputTokens, p50, p99, firstToken, connections, rateLimited,
                fallbacks, topModels, topConsumers, topRoutes)) {
            tile.setDecimals(0);
        }
        errorRate.setDecimals(2);
        cacheHits.setDecimals(1);
        FlowPane headline = grid();
        headline.getChildren().addAll(qps, inputTokens, outputTokens, errorRate, p50, p99, firstToken, connections,
                cacheHits, rateLimited, fallbacks);
        FlowPane breakdowns = grid();
        breakdowns.getChildren().addAll(topModels, topConsumers, topRoutes, pools);
        problem.getStyleClass().add("danger");
        Label title = new Label("Dashboard");
        title.getStyleClass().add("title-2");
        VBox content = new VBox(12, title, problem, headline, section("GPU and queues"), gpuTiles,
                section("Breakdowns"), breakdowns);
        content.setPadding(new Insets(16));
        setContent(content);
        setFitToWidth(true);

        // The sparkline tile keeps its own points: it starts with the last five minutes, then gets one per poll.
        model.qpsSparklineProperty().addListener((o, before, now) -> {
            if (!sparklineSeeded && !now.isEmpty()) {
                sparklineSeeded = true;
                now.forEach(qps::setValue);
                qps.setValue(model.headlineProperty().get().qps());
            }
        });
        model.headlineProperty().addListener((o, before, now) -> showHeadline(now));
        model.gpusProperty().addListener((o, before, now) -> showGpus(now));
        leaderBoard(topModels, model.topModelsProperty());
        leaderBoard(topConsumers, model.topConsumersProperty());
        leaderBoard(topRoutes, model.topRoutesProperty());
        model.poolHealthProperty().addListener((o, before, now) -> pools.setDescription(now.stream()
                .map(p -> p.pool() + ": " + p.serving() + " serving, " + p.out() + " out")
                .collect(Collectors.joining("\n"))));
        model.problemProperty().addListener((o, before, now) -> problem.setText(now));
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
    }

    private void showHeadline(HeadlineFigures figures) {
        qps.setValue(figures.qps());
        inputTokens.setValue(figures.inputTokensPerSecond());
        inputTokens.setText(figures.totalInputTokens() + " since start");
        outputTokens.setValue(figures.outputTokensPerSecond());
        outputTokens.setText(figures.totalOutputTokens() + " since start");
        percent(errorRate, figures.errorRate());
        errorRate.setValueColor(model.alerting(AlertLevels.ERROR_RATE) ? TileStyle.ALERT : style.foreground());
        p50.setValue(figures.latencyP50Millis());
        p99.setValue(figures.latencyP99Millis());
        firstToken.setValue(figures.firstTokenP50Millis());
        connections.setValue(figures.activeConnections());
        connections.setText(figures.activeStreams() + " streams");
        percent(cacheHits, figures.cacheHitRate());
        rateLimited.setValue(figures.rateLimited());
        fallbacks.setValue(figures.fallbacks());
    }

    /** A ratio as a percentage; no requests in the interval shows "no traffic", not 0 %. */
    private static void percent(Tile tile, double ratio) {
        tile.setValue(Double.isNaN(ratio) ? 0 : ratio * 100);
        tile.setText(Double.isNaN(ratio) ? "no traffic" : "");
    }

    private void showGpus(List<GpuGauge> gauges) {
        List<String> keys = gauges.stream().map(g -> g.key() + g.hasMetrics()).toList();
        if (!keys.equals(gpuKeys)) {
            gpuKeys = keys;
            List<Tile> tiles = new ArrayList<>();
            for (GpuGauge gauge : gauges) {
                tiles.add(gauge.hasMetrics() ? gpuTile(gauge) : style.tile(Tile.SkinType.TEXT, gauge.endpoint(), ""));
            }
            gpuTiles.getChildren().setAll(tiles);
        }
        for (int i = 0; i < gauges.size(); i++) {
            GpuGauge gauge = gauges.get(i);
            Tile tile = (Tile) gpuTiles.getChildren().get(i);
            if (!gauge.hasMetrics()) {
                tile.setDescription(GpuText.noMetrics(gauge));
                tile.setText("pool " + gauge.pool());
                continue;
            }
            tile.setDescription(gauge.pool());
            tile.setValue(gauge.utilPercent() == null ? 0 : gauge.utilPercent());
            tile.setText(GpuText.details(gauge));
            tile.setBarColor(model.alerting("gpu:" + gauge.key()) ? TileStyle.ALERT : style.accent());
        }
    }

    private Tile gpuTile(GpuGauge gauge) {
        Tile tile = style.tile(Tile.SkinType.GAUGE, gauge.endpoint(), "% GPU");
        tile.setMaxValue(100);
        tile.setThreshold(AlertLevels.GPU_UTIL_OVER);
        tile.setThresholdVisible(true);
        tile.setThresholdColor(TileStyle.ALERT);
        tile.setDecimals(0);
        return tile;
    }

    private void leaderBoard(Tile tile, ReadOnlyObjectProperty<List<LeaderEntry>> entries) {
        entries.addListener((o, before, now) -> tile.setLeaderBoardItems(now.stream().map(this::leader).toList()));
    }

    private LeaderBoardItem leader(LeaderEntry entry) {
        LeaderBoardItem item = new LeaderBoardItem(entry.name() + "  (" + entry.tokens() + " tok)", entry.requests());
        item.setNameColor(style.foreground());
        item.setValueColor(style.foreground());
        return item;
    }

    private static FlowPane grid() {
        FlowPane pane = new FlowPane(12, 12);
        pane.setPrefWrapLength(TileStyle.WIDTH * 5);
        return pane;
    }

    private static Label section(String title) {
        Label label = new Label(title);
        label.getStyleClass().add("title-4");
        return label;
    }
}
