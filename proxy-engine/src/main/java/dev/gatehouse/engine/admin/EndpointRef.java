package dev.gatehouse.engine.admin;

import static java.util.Objects.requireNonNull;

/** Names one endpoint: its pool and its {@code host:port} address as in the config. */
public record EndpointRef(String pool, String address) {

    public EndpointRef {
        requireNonNull(pool, "pool");
        requireNonNull(address, "address");
    }
}
