package dev.gatehouse.ui.shell;

import dev.gatehouse.ui.settings.ConnectionProfile;
import dev.gatehouse.ui.settings.Connections;
import dev.gatehouse.ui.settings.ConsoleSettings;
import dev.gatehouse.ui.settings.SettingsStore;
import dev.gatehouse.ui.settings.SettingsViewModel;
import dev.gatehouse.ui.testing.FakeGatewayControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ShellViewModelTest {

    @TempDir
    Path state;

    private final FakeGatewayControl embedded = new FakeGatewayControl();
    private ShellViewModel shell;

    private ShellViewModel shell(Optional<DemoSwitch> demo) {
        SettingsViewModel settings = new SettingsViewModel(new SettingsStore(state), ConsoleSettings.DEFAULTS,
                Runnable::run, Runnable::run);
        shell = new ShellViewModel(List.of(new PageEntry("a", "Alpha", "fth-circle", c -> () -> null)),
                new Connections(embedded), settings, demo, Runnable::run, Runnable::run, Clock.systemUTC(), null);
        return shell;
    }

    @AfterEach
    void close() {
        if (shell != null) {
            shell.close();
        }
    }

    /** A port nothing listens on: bound, then closed. */
    private static int deadPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void choosingARemoteProfilePollsThatEngineAndChoosingEmbeddedComesBack() throws Exception {
        ShellViewModel shell = shell(Optional.empty());
        shell.monitor().pollOnce();
        assertThat(shell.status().engineStateProperty().get()).isEqualTo("Running");

        SettingsViewModel settings = shell.settings();
        settings.newNameProperty().set("gone");
        settings.newUrlProperty().set("http://127.0.0.1:" + deadPort());
        settings.newTokenProperty().set("t");
        settings.addProfile();
        settings.activeProfileProperty().set(settings.profiles().get(1));
        shell.monitor().pollOnce();

        assertThat(shell.connectionProperty().get()).startsWith("gone (http://127.0.0.1:");
        assertThat(shell.status().engineStateProperty().get()).isEqualTo("Unreachable");
        assertThat(shell.notifications().shown()).extracting(Notice::title).containsExactly("Engine unreachable");

        settings.activeProfileProperty().set(ConnectionProfile.EMBEDDED);
        shell.monitor().pollOnce();

        assertThat(shell.control()).isSameAs(embedded);
        assertThat(shell.status().engineStateProperty().get()).isEqualTo("Running");
    }

    @Test
    void leavingTheDemoHidesTheBannerOnceTheSwitchWorked() {
        int[] switches = {0};
        ShellViewModel shell = shell(Optional.of(() -> switches[0]++));
        assertThat(shell.demoBannerProperty().get()).isTrue();

        shell.useEmptyConfig();

        assertThat(switches[0]).isEqualTo(1);
        assertThat(shell.demoBannerProperty().get()).isFalse();
    }

    @Test
    void aFailedSwitchKeepsTheBannerAndSaysWhy() {
        ShellViewModel shell = shell(Optional.of(() -> {
            throw new IOException("config directory is read-only");
        }));

        shell.useEmptyConfig();

        assertThat(shell.demoBannerProperty().get()).isTrue();
        assertThat(shell.notifications().shown()).extracting(Notice::detail)
                .containsExactly("config directory is read-only");
    }

    @Test
    void withoutTheDemoThereIsNoBanner() {
        assertThat(shell(Optional.empty()).demoBannerProperty().get()).isFalse();
    }
}
