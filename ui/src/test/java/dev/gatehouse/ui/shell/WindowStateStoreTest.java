package dev.gatehouse.ui.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class WindowStateStoreTest {

    @TempDir
    Path state;

    @Test
    void theWindowComesBackWhereItWasOnThePageItShowed() throws Exception {
        WindowState closed = new WindowState(120.5, 64, 1440, 900, true, Pages.DASHBOARD);

        new WindowStateStore(state).save(closed);

        assertThat(new WindowStateStore(state.resolve("")).load()).isEqualTo(closed);
    }

    @Test
    void theFirstStartHasNoPositionAndOpensRoutes() {
        WindowState first = new WindowStateStore(state).load();

        assertThat(first.placed()).isFalse();
        assertThat(first.page()).isEqualTo(Pages.ROUTES);
    }

    @Test
    void aDamagedFileOpensTheWindowAsOnTheFirstStart() throws Exception {
        Files.writeString(state.resolve(WindowStateStore.FILE), "x=left\nwidth=12\n");

        assertThat(new WindowStateStore(state).load()).isEqualTo(WindowState.FIRST_START);
    }
}
