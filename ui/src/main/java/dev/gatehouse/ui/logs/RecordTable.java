package dev.gatehouse.ui.logs;

import dev.gatehouse.engine.accesslog.query.LogEntry;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The records table: virtualised (only visible rows have nodes), the columns of {@link LogColumn}
 * with the user's choice in the table's "+" menu, 4xx and 5xx rows marked. A row drawn within
 * {@link #PREFETCH} rows of the end asks for the next page, so scrolling never waits at the bottom
 * for long and nothing beyond what was scrolled to is loaded.
 */
final class RecordTable extends TableView<LogEntry> {

    /** How close to the last loaded row scrolling gets before the next page is asked for. */
    static final int PREFETCH = 40;

    RecordTable(LogsViewModel model) {
        super(model.rows());
        getStyleClass().add("log-table");
        setTableMenuButtonVisible(true);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Label placeholder = new Label("No records match these filters.");
        placeholder.getStyleClass().add("hint");
        setPlaceholder(placeholder);
        for (LogColumn column : LogColumn.values()) {
            getColumns().add(column(column));
        }
        setRowFactory(table -> new RecordRow(model));
        getSelectionModel().selectedItemProperty().addListener((o, before, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((o, before, now) -> {
            if (now == null) {
                getSelectionModel().clearSelection();
            }
        });
    }

    private static TableColumn<LogEntry, String> column(LogColumn column) {
        TableColumn<LogEntry, String> tableColumn = new TableColumn<>(column.title());
        tableColumn.setId("column-" + column.name().toLowerCase(java.util.Locale.ROOT));
        tableColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(column.text(cell.getValue())));
        tableColumn.setPrefWidth(column.width());
        tableColumn.setVisible(column.visibleByDefault());
        tableColumn.setSortable(false); // the order is the store's: newest first, by keyset
        if (column == LogColumn.STATUS) {
            tableColumn.getStyleClass().add("status-cell");
        }
        return tableColumn;
    }

    /** A row that marks errors and asks for more records when it shows one near the end. */
    private static final class RecordRow extends TableRow<LogEntry> {
        private final LogsViewModel model;

        RecordRow(LogsViewModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(LogEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            getStyleClass().removeAll("status-4xx", "status-5xx");
            if (empty || entry == null) {
                return;
            }
            int status = entry.record().responseCode();
            if (status >= 500) {
                getStyleClass().add("status-5xx");
            } else if (status >= 400) {
                getStyleClass().add("status-4xx");
            }
            if (getIndex() >= model.rows().size() - PREFETCH) {
                model.loadMore();
            }
        }
    }
}
