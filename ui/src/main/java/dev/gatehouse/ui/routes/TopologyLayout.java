package dev.gatehouse.ui.routes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the topology graph puts its boxes: routes stacked in config order in the left column,
 * pools in the middle, each pool's endpoints stacked to its right with the pool centred on them.
 * Pure arithmetic so the view only draws. At most {@link #MAX_ROUTES} routes are
 * laid out: a 10,000-route config stays drawable, and Find reaches the rest.
 */
record TopologyLayout(Map<String, Double> routeY, Map<String, Double> poolY, Map<ItemRef, Double> endpointY,
                      int hiddenRoutes, double height) {

    static final int MAX_ROUTES = 200;
    static final double ROW = 44;
    static final double ROUTE_X = 16;
    static final double POOL_X = 236;
    static final double ENDPOINT_X = 456;
    static final double BOX_WIDTH = 184;
    static final double BOX_HEIGHT = 34;

    static TopologyLayout of(Topology topology) {
        Map<String, Double> poolY = new HashMap<>();
        Map<ItemRef, Double> endpointY = new HashMap<>();
        double y = ROW / 2;
        for (Topology.PoolNode pool : topology.pools()) {
            double top = y;
            for (Topology.EndpointNode endpoint : pool.endpoints()) {
                endpointY.put(endpoint.ref(), y);
                y += ROW;
            }
            double bottom = pool.endpoints().isEmpty() ? top : y - ROW;
            poolY.put(pool.name(), (top + bottom) / 2);
            y = (pool.endpoints().isEmpty() ? y + ROW : y) + ROW / 3;
        }
        Map<String, Double> routeY = new HashMap<>();
        List<Topology.RouteNode> shown = topology.routes().subList(0, Math.min(MAX_ROUTES, topology.routes().size()));
        double routeRow = ROW / 2;
        for (Topology.RouteNode route : shown) {
            routeY.put(route.name(), routeRow);
            routeRow += ROW;
        }
        return new TopologyLayout(routeY, poolY, endpointY, topology.routes().size() - shown.size(),
                Math.max(y, routeRow) + ROW);
    }
}
