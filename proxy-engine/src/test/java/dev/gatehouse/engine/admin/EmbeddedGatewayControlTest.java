package dev.gatehouse.engine.admin;

import dev.gatehouse.engine.testing.Closer;

/** The {@link GatewayControlContract} in process. */
class EmbeddedGatewayControlTest extends GatewayControlContract {

    @Override
    protected GatewayControl open(AdminFixture fixture, Closer closer) {
        return fixture.embedded;
    }
}
