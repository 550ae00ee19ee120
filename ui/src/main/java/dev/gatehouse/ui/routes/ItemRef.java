package dev.gatehouse.ui.routes;

import static java.util.Objects.requireNonNull;

/**
 * Names one item of the topology that the editor can select: a route, a pool, or an endpoint
 * (its pool and {@code host:port} address). Names rather than indexes, so a selection survives edits.
 */
public record ItemRef(Kind kind, String name, String address) {

    /** What kind of item is named. */
    public enum Kind { ROUTE, POOL, ENDPOINT }

    public ItemRef {
        requireNonNull(kind, "kind");
        requireNonNull(name, "name");
        if ((kind == Kind.ENDPOINT) != (address != null)) {
            throw new IllegalArgumentException("an endpoint, and only an endpoint, has an address");
        }
    }

    public static ItemRef route(String name) {
        return new ItemRef(Kind.ROUTE, name, null);
    }

    public static ItemRef pool(String name) {
        return new ItemRef(Kind.POOL, name, null);
    }

    public static ItemRef endpoint(String pool, String address) {
        return new ItemRef(Kind.ENDPOINT, pool, requireNonNull(address, "address"));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ROUTE -> "route " + name;
            case POOL -> "pool " + name;
            case ENDPOINT -> "endpoint " + address + " in pool " + name;
        };
    }
}
