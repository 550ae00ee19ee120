package dev.gatehouse.ui.shell;

import dev.gatehouse.engine.admin.ControlException;
import dev.gatehouse.engine.config.ConfigError;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationsViewModelTest {

    private final NotificationsViewModel notifications = new NotificationsViewModel(Clock.systemUTC());

    @Test
    void aRefusedConfigShowsItsFirstErrorsWithTheirFieldsAndHowManyMore() {
        List<ConfigError> errors = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> new ConfigError("pools[" + i + "].endpoints", "needs at least one endpoint")).toList();

        notifications.configRefused(ControlException.invalidConfig(errors));

        Notice shown = notifications.shown().get(0);
        assertThat(shown.severity()).isEqualTo(Notice.Severity.DANGER);
        assertThat(shown.title()).isEqualTo("Config refused");
        assertThat(shown.detail()).isEqualTo("""
                pools[1].endpoints: needs at least one endpoint
                pools[2].endpoints: needs at least one endpoint
                pools[3].endpoints: needs at least one endpoint
                … and 2 more""");
    }

    @Test
    void aConflictShowsItsMessage() {
        notifications.configRefused(new ControlException(ControlException.Kind.CONFLICT, "the config was changed since version 3"));

        assertThat(notifications.shown().get(0).detail()).isEqualTo("the config was changed since version 3");
    }

    @Test
    void aListenerOfTheShownListHearsNoticesPostedAfterAGarbageCollection() {
        List<String> heard = new java.util.ArrayList<>();
        notifications.shown().addListener((javafx.collections.ListChangeListener<Notice>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(n -> heard.add(n.title()));
            }
        });
        for (int i = 0; i < 3; i++) {
            System.gc(); // the notification layer listens for the whole run
        }

        notifications.post(Notice.Severity.WARNING, "Endpoint out", "qwen/10.0.0.2:8000");

        assertThat(heard).containsExactly("Endpoint out");
    }

    @Test
    void onlyTheNewestFewStayOnScreen() {
        for (int i = 1; i <= NotificationsViewModel.MAX_SHOWN + 2; i++) {
            notifications.post(Notice.Severity.INFO, "n" + i, "");
        }

        assertThat(notifications.shown()).extracting(Notice::title).containsExactly("n3", "n4", "n5", "n6");
    }
}
