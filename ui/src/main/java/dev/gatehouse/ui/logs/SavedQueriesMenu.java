package dev.gatehouse.ui.logs;

import dev.gatehouse.ui.common.Icons;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/** The "Saved" menu: open a saved query, save the current filter under a name, delete one. */
final class SavedQueriesMenu extends MenuButton {

    private final SavedQueriesModel saved;
    private final TextField name = new TextField();
    private final CustomMenuItem saveItem;

    SavedQueriesMenu(SavedQueriesModel saved) {
        super("Saved", Icons.of("fth-bookmark"));
        this.saved = saved;
        setId("saved-queries");
        name.setId("saved-query-name");
        name.setPromptText("Name this filter");
        Button save = new Button("Save");
        save.setId("save-query");
        save.setDefaultButton(true);
        save.setOnAction(e -> save());
        name.setOnAction(e -> save());
        saveItem = new CustomMenuItem(new HBox(6, name, save), false);
        saved.queries().addListener((ListChangeListener<SavedQuery>) change -> rebuild());
        rebuild();
    }

    private void save() {
        if (saved.saveCurrent(name.getText())) {
            name.clear();
            hide();
        }
    }

    private void rebuild() {
        getItems().clear();
        Menu delete = new Menu("Delete");
        for (SavedQuery query : saved.queries()) {
            MenuItem open = new MenuItem(query.name());
            open.setOnAction(e -> saved.open(query));
            getItems().add(open);
            MenuItem remove = new MenuItem(query.name());
            remove.setOnAction(e -> saved.delete(query));
            delete.getItems().add(remove);
        }
        if (saved.queries().isEmpty()) {
            MenuItem none = new MenuItem("No saved queries yet");
            none.setDisable(true);
            getItems().add(none);
        }
        getItems().addAll(new SeparatorMenuItem(), saveItem);
        if (!delete.getItems().isEmpty()) {
            getItems().add(delete);
        }
    }
}
