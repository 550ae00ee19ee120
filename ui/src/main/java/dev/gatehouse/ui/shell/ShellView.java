package dev.gatehouse.ui.shell;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Priority;

/** The console window's content: sidebar, demo banner, the current page with notifications over it, status bar. */
public final class ShellView {

    private final BorderPane root = new BorderPane();

    public ShellView(ShellViewModel shell, String version) {
        root.getStyleClass().add("shell");
        StackPane pageHolder = new StackPane();
        pageHolder.setId("page");
        pageHolder.getStyleClass().add("page-holder");
        shell.navigation().currentPageProperty().addListener((obs, old, page) -> show(pageHolder, page));
        show(pageHolder, shell.navigation().currentPageProperty().get());
        StackPane center = new StackPane(pageHolder, new NotificationLayer(shell.notifications()));
        VBox.setVgrow(center, Priority.ALWAYS);
        root.setLeft(new SidebarView(shell.navigation(), version));
        root.setCenter(new VBox(new DemoBanner(shell), center));
        root.setBottom(new StatusBarView(shell.status(), shell.connectionProperty()));
    }

    private static void show(StackPane holder, Page page) {
        Node node = page == null ? null : page.node();
        if (node == null) {
            holder.getChildren().clear();
        } else {
            holder.getChildren().setAll(node);
        }
    }

    public Parent root() {
        return root;
    }
}
