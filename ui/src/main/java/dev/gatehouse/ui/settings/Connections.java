package dev.gatehouse.ui.settings;

import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.admin.remote.RemoteGatewayControl;

import static java.util.Objects.requireNonNull;

/**
 * Turns a {@link ConnectionProfile} into the {@link GatewayControl} the console uses: the embedded
 * engine's, or a client of a remote engine's admin API. Closes the previous remote client on each switch.
 */
public final class Connections implements AutoCloseable {

    private final GatewayControl embedded;
    private RemoteGatewayControl remote;

    public Connections(GatewayControl embedded) {
        this.embedded = requireNonNull(embedded, "embedded");
    }

    /** The control for {@code profile}; nothing is sent until it is used. */
    public synchronized GatewayControl open(ConnectionProfile profile) {
        close();
        if (profile.embedded()) {
            return embedded;
        }
        remote = new RemoteGatewayControl(profile.adminUrl(), profile.token());
        return remote;
    }

    @Override
    public synchronized void close() {
        if (remote != null) {
            remote.close();
            remote = null;
        }
    }
}
