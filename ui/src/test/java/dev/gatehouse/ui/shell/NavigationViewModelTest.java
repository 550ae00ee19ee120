package dev.gatehouse.ui.shell;

import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.ui.settings.SettingsStore;
import dev.gatehouse.ui.settings.SettingsViewModel;
import dev.gatehouse.ui.settings.ConsoleSettings;
import dev.gatehouse.ui.testing.FakeGatewayControl;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NavigationViewModelTest {

    @TempDir
    Path state;

    private final List<String> events = new ArrayList<>();

    /** A page that records what the shell does to it; its node is never asked for here. */
    private Page recording(String id) {
        events.add("built " + id);
        return new Page() {
            @Override
            public Node node() {
                throw new AssertionError("view models never touch nodes");
            }

            @Override
            public void shown() {
                events.add("shown " + id);
            }

            @Override
            public void reset() {
                events.add("reset " + id);
            }

            @Override
            public boolean apply() {
                events.add("apply " + id);
                return true;
            }
        };
    }

    private NavigationViewModel navigation() {
        List<PageEntry> pages = List.of(
                new PageEntry("a", "Alpha", "fth-circle", c -> recording("a")),
                new PageEntry("b", "Beta", "fth-square", c -> recording("b")));
        ShellContext context = new ShellContext(new FakeGatewayControl(), Runnable::run, Runnable::run,
                new SimpleBooleanProperty(), new NotificationsViewModel(Clock.systemUTC()),
                new SettingsViewModel(new SettingsStore(state), ConsoleSettings.DEFAULTS, Runnable::run, Runnable::run),
                query -> { });
        return new NavigationViewModel(pages, () -> context);
    }

    /** A log explorer that records the slices it is asked to show. */
    private final class RecordingExplorer implements Page, LogSliceTarget {
        @Override
        public Node node() {
            throw new AssertionError("view models never touch nodes");
        }

        @Override
        public void shown() {
            events.add("shown logs");
        }

        @Override
        public void showSlice(LogQuery query) {
            events.add("slice model=" + query.model() + " classes=" + query.statusClasses());
        }
    }

    @Test
    void openingTheLogsOnASliceShowsTheExplorerFilteredToIt() {
        List<PageEntry> pages = List.of(
                new PageEntry("a", "Alpha", "fth-circle", c -> recording("a")),
                new PageEntry(Pages.LOGS, "Logs", "fth-list", c -> new RecordingExplorer()));
        NavigationViewModel navigation = new NavigationViewModel(pages, () -> null);
        navigation.navigate("a");

        navigation.openLogs(LogQuery.builder().model("qwen-72b").statusClasses(5).build());

        assertThat(navigation.currentProperty().get().id()).isEqualTo(Pages.LOGS);
        assertThat(events).containsExactly("built a", "shown a", "reset a", "shown logs",
                "slice model=qwen-72b classes=[5]");
    }

    @Test
    void buildsEachPageOnceAndResetsThePageLeft() {
        NavigationViewModel navigation = navigation();

        navigation.navigate("a");
        navigation.navigate("b");
        navigation.navigate("a");

        assertThat(navigation.currentProperty().get().title()).isEqualTo("Alpha");
        assertThat(events).containsExactly("built a", "shown a", "reset a", "built b", "shown b", "reset b", "shown a");
    }

    @Test
    void anUnknownRememberedPageOpensTheFirstOne() {
        NavigationViewModel navigation = navigation();

        navigation.navigate("gone-in-this-version");

        assertThat(navigation.currentProperty().get().id()).isEqualTo("a");
    }

    @Test
    void shortcutsGoToThePageShownOnly() {
        NavigationViewModel navigation = navigation();
        assertThat(navigation.shortcut(Shortcut.APPLY)).isFalse();

        navigation.navigate("b");

        assertThat(navigation.shortcut(Shortcut.APPLY)).isTrue();
        assertThat(navigation.shortcut(Shortcut.UNDO)).isFalse();
        assertThat(events).contains("apply b").doesNotContain("apply a");
    }

    @Test
    void resetAllRebuildsThePageShownAgainstTheNewContext() {
        NavigationViewModel navigation = navigation();
        navigation.navigate("a");

        navigation.resetAll();

        assertThat(events).containsExactly("built a", "shown a", "reset a", "built a", "shown a");
        assertThat(navigation.currentProperty().get().id()).isEqualTo("a");
    }
}
