package dev.gatehouse.ui.wizard;

import dev.gatehouse.engine.admin.ApplyRequest;
import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.admin.VersionedConfig;
import dev.gatehouse.engine.cloud.CloudCredentials;
import dev.gatehouse.engine.cloud.CredentialVault;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.config.RouteConfig;
import dev.gatehouse.engine.discovery.ModelArtsPool;
import java.io.IOException;
import java.io.UncheckedIOException;

/** What Apply does (blocking): saves the credentials if the pool refers to the vault, then adds the pool and route (the route first in line). */
final class GatewayChange {

    private GatewayChange() {
    }

    /** Returns the config version the change runs as; refused if the config changed since it was read. */
    static long apply(GatewayControl control, VaultAccess vault, PoolConfig pool, RouteConfig route,
                      String credentialsReference, CloudCredentials credentials) {
        if (credentialsReference.startsWith("vault:")) {
            save(vault, credentialsReference.substring("vault:".length()), credentials);
        }
        VersionedConfig running = control.config();
        GatewayConfig changed = ModelArtsPool.addTo(running.config(), pool, route);
        return control.apply(ApplyRequest.basedOn(changed, running.version())).configVersion();
    }

    private static void save(VaultAccess vault, String name, CloudCredentials credentials) {
        CredentialVault opened = vault.openOrNull();
        if (opened == null) {
            throw new IllegalStateException("The credential vault cannot be opened here; uncheck \"Save the"
                    + " credentials\" to have the gateway read them from its environment.");
        }
        try {
            opened.save(name, credentials);
        } catch (IOException e) {
            throw new UncheckedIOException("Saving the credentials in the vault failed: " + e.getMessage(), e);
        }
    }
}
