package dev.gatehouse.ui.routes;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds items of a {@link Topology} by a piece of their name or address, ignoring case (Ctrl+F). */
final class Search {

    private Search() {
    }

    static Optional<ItemRef> first(Topology topology, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        Stream<ItemRef> routes = topology.routes().stream().map(r -> ItemRef.route(r.name()));
        Stream<ItemRef> pools = topology.pools().stream().map(p -> ItemRef.pool(p.name()));
        Stream<ItemRef> endpoints = topology.pools().stream().flatMap(p -> p.endpoints().stream()).map(e -> e.ref());
        return Stream.of(routes, pools, endpoints).flatMap(s -> s)
                .filter(item -> label(item).toLowerCase(Locale.ROOT).contains(wanted)).findFirst();
    }

    private static String label(ItemRef item) {
        return item.kind() == ItemRef.Kind.ENDPOINT ? item.address() : item.name();
    }
}
