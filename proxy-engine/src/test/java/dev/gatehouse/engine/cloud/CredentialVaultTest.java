package dev.gatehouse.engine.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialVaultTest {

    @TempDir
    Path state;

    @Test
    void savedCredentialsComeBackAndTheFilesHoldNoClearText() throws IOException {
        Path dir = state.resolve("cloud");
        CredentialVault vault = CredentialVault.open(dir);
        vault.save("prod", new CloudCredentials.Password("acme", "ops", "S3cret-Passw0rd"));
        vault.save("keys", new CloudCredentials.AccessKey("AKIDVISIBLE00001", "sk-TOP-SECRET-VALUE", "p1"));

        CredentialVault reopened = CredentialVault.open(dir);
        assertThat(reopened.load("prod")).contains(new CloudCredentials.Password("acme", "ops", "S3cret-Passw0rd"));
        assertThat(reopened.load("keys")).contains(new CloudCredentials.AccessKey("AKIDVISIBLE00001", "sk-TOP-SECRET-VALUE", "p1"));
        assertThat(reopened.names()).containsExactly("keys", "prod");
        String stored = Files.readString(dir.resolve(CredentialVault.STORE_FILE));
        assertThat(stored).doesNotContain("S3cret-Passw0rd", "sk-TOP-SECRET-VALUE", "AKIDVISIBLE00001", "acme", "ops");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(CredentialVault.KEY_FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void removedCredentialsAreGone() throws IOException {
        CredentialVault vault = CredentialVault.open(state);
        vault.save("x", new CloudCredentials.Password("d", "u", "p"));
        vault.remove("x");

        assertThat(vault.load("x")).isEmpty();
        assertThat(vault.names()).isEmpty();
    }

    @Test
    void keyFileOthersCanReadIsRefused() throws IOException {
        CredentialVault.open(state);
        Files.setPosixFilePermissions(state.resolve(CredentialVault.KEY_FILE), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> CredentialVault.open(state)).isInstanceOf(IOException.class)
                .hasMessageContaining("may be read by others (rw-r--r--)").hasMessageContaining("chmod 600");
    }

    @Test
    void entryMovedUnderAnotherNameCannotBeDecrypted() throws IOException {
        CredentialVault vault = CredentialVault.open(state);
        vault.save("a", new CloudCredentials.Password("d", "u", "p"));
        Path store = state.resolve(CredentialVault.STORE_FILE);
        Files.writeString(store, Files.readString(store).replace("\"a\"", "\"b\""));

        assertThatThrownBy(() -> vault.load("b")).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot be decrypted");
    }
}
