package dev.gatehouse.ui.shell;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import dev.gatehouse.ui.common.Icons;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.HashMap;
import java.util.Map;

/** The notifications, stacked at the bottom right over the page; each goes after a few seconds or on its close button. */
final class NotificationLayer extends VBox {

    static final Duration SHOWN_FOR = Duration.seconds(8);

    private final Map<Notice, Node> cards = new HashMap<>();

    NotificationLayer(NotificationsViewModel notifications) {
        getStyleClass().add("notification-layer");
        setAlignment(Pos.BOTTOM_RIGHT);
        setPickOnBounds(false);
        setSpacing(8);
        setFillWidth(false);
        notifications.shown().addListener((ListChangeListener<Notice>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(notice -> getChildren().remove(cards.remove(notice)));
                change.getAddedSubList().forEach(notice -> add(notice, notifications));
            }
        });
    }

    private void add(Notice notice, NotificationsViewModel notifications) {
        Notification card = new Notification(notice.title() + "\n" + notice.detail(), Icons.of(icon(notice), 18));
        card.getStyleClass().addAll(Styles.ELEVATED_1, style(notice));
        card.setPrefWidth(380);
        card.setMaxWidth(380);
        card.setOnClose(e -> notifications.dismiss(notice));
        cards.put(notice, card);
        getChildren().add(card);
        PauseTransition timeout = new PauseTransition(SHOWN_FOR);
        timeout.setOnFinished(e -> notifications.dismiss(notice));
        timeout.play();
    }

    private static String style(Notice notice) {
        return switch (notice.severity()) {
            case INFO -> Styles.ACCENT;
            case SUCCESS -> Styles.SUCCESS;
            case WARNING -> Styles.WARNING;
            case DANGER -> Styles.DANGER;
        };
    }

    private static String icon(Notice notice) {
        return switch (notice.severity()) {
            case INFO -> "fth-info";
            case SUCCESS -> "fth-check-circle";
            case WARNING -> "fth-alert-triangle";
            case DANGER -> "fth-x-octagon";
        };
    }
}
