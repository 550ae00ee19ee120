package dev.gatehouse.ui.routes;

import java.util.Locale;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;

/**
 * The topology as a graph: route boxes linked to pool boxes linked to endpoint boxes, each endpoint
 * painted by its health with its weight and QPS. Click selects; dragging an endpoint onto a pool
 * moves it there, dragging a route onto a pool attaches it; an endpoint's context menu drains,
 * ejects, restores or removes it. Redrawn whole from the view model's topology (1 Hz at most).
 */
final class TopologyGraph extends Pane {

    private static final String ROUTE_DRAG = "gatehouse-route:";
    private static final String ENDPOINT_DRAG = "gatehouse-endpoint:";

    private final RoutesViewModel model;
    private boolean buttonDown;
    private boolean redrawPending;

    TopologyGraph(RoutesViewModel model) {
        this.model = model;
        getStyleClass().add("topology-graph");
        model.topologyProperty().addListener((o, before, after) -> redrawWhenFree());
        model.selectionProperty().addListener((o, before, after) -> redrawWhenFree());
        // Boxes are made anew on each redraw: one between a press and its release would swallow
        // the click or the drag, so redraws wait until the button is up (and the click handled).
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> buttonDown = true);
        addEventFilter(MouseEvent.MOUSE_RELEASED, e -> buttonUp());
        addEventFilter(DragEvent.DRAG_DONE, e -> buttonUp());
        redraw();
    }

    private void buttonUp() {
        buttonDown = false;
        if (redrawPending) {
            Platform.runLater(this::redrawWhenFree);
        }
    }

    private void redrawWhenFree() {
        if (buttonDown) {
            redrawPending = true;
        } else {
            redrawPending = false;
            redraw();
        }
    }

    private void redraw() {
        Topology topology = model.topologyProperty().get();
        TopologyLayout layout = TopologyLayout.of(topology);
        getChildren().clear();
        setPrefSize(TopologyLayout.ENDPOINT_X + TopologyLayout.BOX_WIDTH + 16, layout.height());
        for (Topology.PoolNode pool : topology.pools()) {
            double poolY = layout.poolY().get(pool.name());
            for (Topology.EndpointNode endpoint : pool.endpoints()) {
                double y = layout.endpointY().get(endpoint.ref());
                getChildren().add(link(TopologyLayout.POOL_X, poolY, TopologyLayout.ENDPOINT_X, y));
                getChildren().add(endpointBox(endpoint, y));
            }
            getChildren().add(poolBox(pool, poolY));
        }
        for (Topology.RouteNode route : topology.routes()) {
            Double y = layout.routeY().get(route.name());
            if (y == null) {
                continue;
            }
            Double poolY = layout.poolY().get(route.pool());
            if (poolY != null) {
                getChildren().add(0, link(TopologyLayout.ROUTE_X, y, TopologyLayout.POOL_X, poolY));
            }
            getChildren().add(routeBox(route, y, poolY == null));
        }
        if (layout.hiddenRoutes() > 0) {
            Label more = new Label("… " + layout.hiddenRoutes() + " more routes (Ctrl+F finds them)");
            more.relocate(TopologyLayout.ROUTE_X, layout.height() - TopologyLayout.ROW);
            getChildren().add(more);
        }
    }

    private Node routeBox(Topology.RouteNode route, double y, boolean broken) {
        Label box = box(route.name() + (route.ai() ? "  · AI" : ""), "→ " + route.pool(), ItemRef.route(route.name()),
                TopologyLayout.ROUTE_X, y, "route-node");
        if (broken) {
            box.getStyleClass().add("broken");
            box.setStyle(box.getStyle() + "-fx-border-color: #d0392b; -fx-border-style: dashed;");
        }
        box.setOnDragDetected(e -> startDrag(box, ROUTE_DRAG + route.name()));
        return box;
    }

    private Node poolBox(Topology.PoolNode pool, double y) {
        Label box = box(pool.name(), pool.strategy().toLowerCase(Locale.ROOT).replace('_', ' '), ItemRef.pool(pool.name()),
                TopologyLayout.POOL_X, y, "pool-node");
        box.setOnDragOver(e -> {
            if (e.getDragboard().hasString()) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        box.setOnDragDropped(e -> {
            e.setDropCompleted(drop(e.getDragboard(), pool.name()));
            e.consume();
        });
        return box;
    }

    private Node endpointBox(Topology.EndpointNode endpoint, double y) {
        String figures = "w " + endpoint.weight() + " · " + String.format(Locale.ROOT, "%.1f", endpoint.qps())
                + " qps · " + endpoint.health().label();
        Label box = box(endpoint.address(), figures, endpoint.ref(), TopologyLayout.ENDPOINT_X, y, "endpoint-node");
        box.getStyleClass().add(endpoint.health().styleClass());
        box.setStyle(box.getStyle().replace("#eef1f5", endpoint.health().color()) + "-fx-text-fill: white;");
        box.setOnDragDetected(e -> startDrag(box, ENDPOINT_DRAG + endpoint.pool() + "\n" + endpoint.address()));
        MenuItem drain = new MenuItem("Drain");
        drain.setOnAction(e -> model.drain(endpoint.ref()));
        MenuItem eject = new MenuItem("Eject");
        eject.setOnAction(e -> model.eject(endpoint.ref()));
        MenuItem restore = new MenuItem("Restore");
        restore.setOnAction(e -> model.restore(endpoint.ref()));
        MenuItem remove = new MenuItem("Remove from draft");
        remove.setOnAction(e -> model.removeEndpoint(endpoint.ref()));
        box.setContextMenu(new ContextMenu(drain, eject, restore, new SeparatorMenuItem(), remove));
        return box;
    }

    private Label box(String title, String detail, ItemRef item, double x, double centreY, String styleClass) {
        Label box = new Label(title + "\n" + detail);
        box.setId(styleClass + ":" + (item.address() == null ? item.name() : item.name() + "/" + item.address()));
        box.getStyleClass().add(styleClass);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPrefSize(TopologyLayout.BOX_WIDTH, TopologyLayout.BOX_HEIGHT);
        boolean selected = item.equals(model.selectionProperty().get());
        box.setStyle("-fx-padding: 2 8; -fx-background-radius: 6; -fx-border-radius: 6; -fx-font-size: 11px;"
                + "-fx-background-color: #eef1f5; -fx-border-color: "
                + (selected ? "#2f6fdf; -fx-border-width: 2;" : "#b8c0cc;"));
        if (selected) {
            box.getStyleClass().add("selected");
        }
        box.relocate(x, centreY - TopologyLayout.BOX_HEIGHT / 2);
        box.setOnMouseClicked(e -> model.selectionProperty().set(item));
        return box;
    }

    private Line link(double fromX, double fromY, double toX, double toY) {
        Line line = new Line(fromX + TopologyLayout.BOX_WIDTH, fromY, toX, toY);
        line.getStyleClass().add("topology-link");
        line.setStyle("-fx-stroke: #8a94a3; -fx-stroke-width: 1.2;");
        return line;
    }

    private void startDrag(Node source, String payload) {
        Dragboard board = source.startDragAndDrop(TransferMode.MOVE);
        ClipboardContent content = new ClipboardContent();
        content.putString(payload);
        board.setContent(content);
    }

    private boolean drop(Dragboard board, String pool) {
        String payload = board.getString();
        if (payload.startsWith(ROUTE_DRAG)) {
            return model.attachRoute(payload.substring(ROUTE_DRAG.length()), pool);
        }
        if (payload.startsWith(ENDPOINT_DRAG)) {
            String[] parts = payload.substring(ENDPOINT_DRAG.length()).split("\n", 2);
            return model.moveEndpoint(ItemRef.endpoint(parts[0], parts[1]), pool);
        }
        return false;
    }
}
