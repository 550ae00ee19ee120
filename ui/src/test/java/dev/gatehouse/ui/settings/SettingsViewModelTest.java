package dev.gatehouse.ui.settings;

import dev.gatehouse.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsViewModelTest {

    @TempDir
    Path state;

    private SettingsViewModel reopen() {
        SettingsStore store = new SettingsStore(state);
        return new SettingsViewModel(store, store.load(), Runnable::run, Runnable::run);
    }

    @Test
    void theThemeAndTheProfileInUseAreRememberedForTheNextStart() {
        SettingsViewModel settings = reopen();
        settings.themeProperty().set(Theme.DARK);
        settings.newNameProperty().set("staging");
        settings.newUrlProperty().set(" http://10.0.0.5:9901 ");
        settings.newTokenProperty().set("s3cret");
        assertThat(settings.addProfile()).isTrue();
        settings.activeProfileProperty().set(settings.profiles().get(1));

        SettingsViewModel next = reopen();

        assertThat(next.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(next.profiles()).extracting(ConnectionProfile::name).containsExactly("Embedded", "staging");
        assertThat(next.activeProfileProperty().get().adminUrl()).isEqualTo(URI.create("http://10.0.0.5:9901"));
        assertThat(next.activeProfileProperty().get().token()).isEqualTo("s3cret");
    }

    @Test
    void theFileWithTokensIsReadableByItsOwnerOnly() throws Exception {
        SettingsViewModel settings = reopen();
        settings.themeProperty().set(Theme.DARK);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve(SettingsStore.FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void aBadProfileIsRefusedWithTheReasonAndTheFormKept() {
        SettingsViewModel settings = reopen();
        settings.newNameProperty().set("prod");
        settings.newUrlProperty().set("10.0.0.5:9901");
        settings.newTokenProperty().set("t");

        assertThat(settings.addProfile()).isFalse();

        assertThat(settings.formErrorProperty().get()).contains("http://HOST:PORT");
        assertThat(settings.newUrlProperty().get()).isEqualTo("10.0.0.5:9901");
        assertThat(settings.profiles()).hasSize(1);
    }

    @Test
    void aSecondProfileWithTheSameNameIsRefused() {
        SettingsViewModel settings = reopen();
        settings.newNameProperty().set("embedded");
        settings.newUrlProperty().set("http://10.0.0.5:9901");
        settings.newTokenProperty().set("t");

        assertThat(settings.addProfile()).isFalse();
        assertThat(settings.formErrorProperty().get()).contains("exists already");
    }

    @Test
    void removingTheProfileInUseGoesBackToEmbedded() {
        SettingsViewModel settings = reopen();
        settings.newNameProperty().set("staging");
        settings.newUrlProperty().set("http://10.0.0.5:9901");
        settings.newTokenProperty().set("t");
        settings.addProfile();
        ConnectionProfile staging = settings.profiles().get(1);
        settings.activeProfileProperty().set(staging);

        settings.removeProfile(staging);

        assertThat(settings.activeProfileProperty().get()).isEqualTo(ConnectionProfile.EMBEDDED);
        assertThat(reopen().profiles()).containsExactly(ConnectionProfile.EMBEDDED);
    }

    @Test
    void aDamagedSettingsFileGivesTheDefaults() throws Exception {
        Files.writeString(state.resolve(SettingsStore.FILE), "{not json");

        assertThat(new SettingsStore(state).load()).isEqualTo(ConsoleSettings.DEFAULTS);
    }
}
