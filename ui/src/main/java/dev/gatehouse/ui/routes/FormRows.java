package dev.gatehouse.ui.routes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * The rows of the property form: a label, an input and, under it, the messages for that field,
 * keyed by the validator's field name ({@code healthCheck.interval}). A text input commits on Enter
 * or when it loses focus; input that cannot be read shows its message at the field and changes nothing.
 */
final class FormRows extends GridPane {

    private final Map<String, Label> messages = new HashMap<>();
    private final Map<String, Node> inputs = new HashMap<>();
    private int row;

    FormRows() {
        setHgap(8);
        setVgap(2);
        getStyleClass().add("property-form-rows");
    }

    void heading(String text) {
        Label heading = new Label(text);
        heading.setStyle("-fx-font-weight: bold; -fx-padding: 8 0 2 0;");
        add(heading, 0, row++, 2, 1);
    }

    /** A text input; {@code commit} gets what was typed and may throw to refuse it with a message. */
    TextField text(String field, String label, String value, Consumer<String> commit) {
        TextField input = new TextField(value);
        // Enter commits, and the rebuilt form then takes the focus away from this input: without
        // remembering what was committed, losing the focus would commit the same text again.
        String[] committed = {value};
        Runnable commitIfChanged = () -> {
            if (!input.getText().equals(committed[0])) {
                committed[0] = input.getText();
                attempt(field, () -> commit.accept(input.getText()));
            }
        };
        input.setOnAction(e -> commitIfChanged.run());
        input.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commitIfChanged.run();
            }
        });
        return place(field, label, input);
    }

    CheckBox check(String field, String label, boolean value, Consumer<Boolean> commit) {
        CheckBox input = new CheckBox();
        input.setSelected(value);
        input.setOnAction(e -> attempt(field, () -> commit.accept(input.isSelected())));
        return place(field, label, input);
    }

    <T> ComboBox<T> choice(String field, String label, List<T> choices, T value, Consumer<T> commit) {
        ComboBox<T> input = new ComboBox<>();
        input.getItems().setAll(choices);
        input.setValue(value);
        input.setOnAction(e -> {
            if (input.getValue() != null && !input.getValue().equals(value)) {
                attempt(field, () -> commit.accept(input.getValue()));
            }
        });
        return place(field, label, input);
    }

    /** Adds any input node as a field's row. */
    <N extends Node> N place(String field, String label, N input) {
        input.setId("field:" + field);
        add(new Label(label), 0, row);
        add(input, 1, row++);
        Label message = new Label();
        message.setId("message:" + field);
        message.getStyleClass().add("field-message");
        message.setStyle("-fx-text-fill: #d0392b; -fx-font-size: 11px;");
        message.setWrapText(true);
        message.setManaged(false);
        message.setVisible(false);
        add(message, 1, row++);
        messages.put(field, message);
        inputs.put(field, input);
        return input;
    }

    /** Shows {@code lines} under the field (none hides the message). */
    void show(String field, List<String> lines) {
        Label message = messages.get(field);
        if (message != null) {
            message.setText(String.join("\n", lines));
            message.setVisible(!lines.isEmpty());
            message.setManaged(!lines.isEmpty());
        }
    }

    Map<String, Label> messages() {
        return messages;
    }

    void focus(String field) {
        Node input = inputs.get(field);
        if (input != null) {
            input.requestFocus();
        }
    }

    private void attempt(String field, Runnable commit) {
        try {
            commit.run();
        } catch (IllegalArgumentException e) {
            show(field, List.of(e.getMessage()));
        }
    }
}
