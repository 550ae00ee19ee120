package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.config.RouteConfig;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The Routes &amp; Pools screen: a toolbar (add, delete, undo, redo, import, export, apply, find),
 * the topology graph, the property form of the selection with the kept versions under it, and the
 * messages at the bottom. Nodes only: everything it does is a call on {@link RoutesViewModel}.
 */
public final class RoutesView extends BorderPane {

    private final RoutesViewModel model;
    private final TextField find = new TextField();

    public RoutesView(RoutesViewModel model) {
        this.model = model;
        setTop(toolbar());
        ScrollPane graph = new ScrollPane(new TopologyGraph(model));
        graph.setId("topology");
        ScrollPane side = new ScrollPane(new VBox(new PropertyForm(model), new VersionList(model)));
        side.setFitToWidth(true);
        SplitPane split = new SplitPane(graph, side);
        split.setDividerPositions(0.64);
        setCenter(split);
        setBottom(messages());
    }

    private ToolBar toolbar() {
        Button addRoute = button("add-route", "Add route", () -> {
            GatewayConfig draft = model.draft().draft();
            String pool = draft.pools().isEmpty() ? "" : draft.pools().get(0).name();
            model.addRoute(freeName("route", draft.routes().stream().map(RouteConfig::name).collect(Collectors.toSet())), pool);
        });
        Button addPool = button("add-pool", "Add pool", () -> model.addPool(freeName("pool",
                model.draft().draft().pools().stream().map(PoolConfig::name).collect(Collectors.toSet()))));
        Button addEndpoint = button("add-endpoint", "Add endpoint", this::addEndpoint);
        addEndpoint.disableProperty().bind(model.selectionProperty().isNull());
        Button delete = button("delete", "Delete", this::deleteSelected);
        delete.disableProperty().bind(model.selectionProperty().isNull());
        Button undo = button("undo", "Undo", model::undo);
        undo.disableProperty().bind(model.draft().canUndoProperty().not());
        Button redo = button("redo", "Redo", model::redo);
        redo.disableProperty().bind(model.draft().canRedoProperty().not());
        Button importButton = button("import", "Import…", () -> Optional.ofNullable(chooser().showOpenDialog(getScene().getWindow()))
                .ifPresent(file -> model.importFile(file.toPath())));
        Button exportButton = button("export", "Export…", () -> Optional.ofNullable(chooser().showSaveDialog(getScene().getWindow()))
                .ifPresent(file -> model.exportFile(file.toPath())));
        Button apply = button("apply", "Review & apply", this::reviewAndApply);
        apply.disableProperty().bind(model.dirtyProperty().not().or(model.busyProperty()));
        Button reload = button("reload", "Reload running config", model::reload);
        reload.visibleProperty().bind(model.conflictProperty());
        reload.managedProperty().bind(model.conflictProperty());
        find.setId("find");
        find.setPromptText("Find (Ctrl+F)");
        find.setOnAction(e -> model.find(find.getText()));
        return new ToolBar(addRoute, addPool, addEndpoint, delete, bar(), undo, redo, bar(),
                importButton, exportButton, bar(), apply, reload, bar(), find);
    }

    private VBox messages() {
        Label message = new Label();
        message.setId("message");
        message.textProperty().bind(model.messageProperty());
        Label problems = new Label();
        problems.setId("problems");
        problems.setWrapText(true);
        problems.setStyle("-fx-text-fill: #d0392b;");
        problems.textProperty().bind(Bindings.createStringBinding(() -> {
            FieldErrors errors = model.draft().errors();
            StringBuilder text = new StringBuilder();
            if (!errors.isEmpty()) {
                text.append(errors.count()).append(errors.count() == 1 ? " problem" : " problems").append(" in the draft");
                errors.general().forEach(line -> text.append("\n").append(line));
            }
            model.importErrorsProperty().get().forEach(line -> text.append("\nimport: ").append(line));
            return text.toString();
        }, model.draft().errorsProperty(), model.importErrorsProperty()));
        VBox box = new VBox(2, message, problems);
        box.setStyle("-fx-padding: 4 10;");
        return box;
    }

    /** Shows the diff of draft against running config and applies if the user says so. */
    void reviewAndApply() {
        DiffDialog dialog = new DiffDialog(model.diff(), model.runningProperty().get().version(),
                model.draft().errors().count());
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        if (dialog.showAndWait().filter(button -> button == DiffDialog.APPLY).isPresent()) {
            model.apply();
        }
    }

    void focusFind() {
        find.requestFocus();
        find.selectAll();
    }

    private void addEndpoint() {
        ItemRef selected = model.selectionProperty().get();
        if (selected == null || selected.kind() == ItemRef.Kind.ROUTE) {
            return;
        }
        TextInputDialog ask = new TextInputDialog("127.0.0.1:8000");
        ask.setHeaderText("Add an endpoint to pool " + selected.name());
        ask.setContentText("host:port");
        ask.showAndWait().ifPresent(text -> model.addEndpoint(selected.name(), text));
    }

    private void deleteSelected() {
        ItemRef selected = model.selectionProperty().get();
        if (selected == null) {
            return;
        }
        switch (selected.kind()) {
            case ROUTE -> model.deleteRoute(selected.name());
            case POOL -> model.deletePool(selected.name());
            case ENDPOINT -> model.removeEndpoint(selected);
        }
        model.selectionProperty().set(null);
    }

    private static Separator bar() {
        return new Separator(Orientation.VERTICAL);
    }

    private static FileChooser chooser() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Gatehouse config (JSON)", "*.json"));
        return chooser;
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static String freeName(String stem, Set<String> taken) {
        for (int i = 1; ; i++) {
            if (!taken.contains(stem + "-" + i)) {
                return stem + "-" + i;
            }
        }
    }
}
