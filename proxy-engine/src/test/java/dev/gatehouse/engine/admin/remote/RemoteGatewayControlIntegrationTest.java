package dev.gatehouse.engine.admin.remote;

import dev.gatehouse.engine.admin.AdminFixture;
import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.admin.GatewayControlContract;
import dev.gatehouse.engine.admin.rest.AdminServer;
import dev.gatehouse.engine.testing.Closer;

import java.net.InetSocketAddress;
import java.net.URI;

/** The {@link GatewayControlContract} over the admin REST API on loopback. */
class RemoteGatewayControlIntegrationTest extends GatewayControlContract {

    @Override
    protected GatewayControl open(AdminFixture fixture, Closer closer) throws Exception {
        AdminServer server = closer.add(AdminServer.builder(fixture.embedded, "s3cret").listen("127.0.0.1", 0).start());
        InetSocketAddress at = server.address();
        return closer.add(new RemoteGatewayControl(URI.create("http://127.0.0.1:" + at.getPort()), "s3cret"));
    }
}
