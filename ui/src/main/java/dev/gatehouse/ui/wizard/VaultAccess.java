package dev.gatehouse.ui.wizard;

import dev.gatehouse.engine.cloud.CredentialVault;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The credential vault the gateway's discovery reads ({@code cloud/} under the console's state
 * directory, where the app keeps it), opened when first needed; null when it cannot be.
 */
@FunctionalInterface
public interface VaultAccess {

    /** The vault, or null when there is none (then only "env" credentials work). Blocking. */
    CredentialVault openOrNull();

    /** The vault in {@code dir}, opened (and its key made) on first use. */
    static VaultAccess at(Path dir) {
        return () -> {
            try {
                return CredentialVault.open(dir);
            } catch (IOException e) {
                return null;
            }
        };
    }

    static VaultAccess none() {
        return () -> null;
    }
}
