package dev.gatehouse.engine.sim.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * ModelArts: one running service on one dedicated pool; the pool's network, which connecting to
 * a VPC answers with a peering to accept there; and the host endpoints, throttled past the limit.
 */
final class ModelArtsRoutes {

    static final String NETWORK_CIDR = "172.16.0.0/16";

    private final CloudSimState state;

    ModelArtsRoutes(CloudSimState state) {
        this.state = state;
    }

    SimResponse services() {
        ObjectNode body = SimResponse.JSON.createObjectNode();
        body.putArray("services").addObject().put("service_id", DemoAccount.SERVICE_ID)
                .put("service_name", DemoAccount.SERVICE_NAME).put("status", "running").put("infer_type", "real-time")
                .put("pool_name", DemoAccount.POOL_NAME);
        body.put("total_count", 1).put("count", 1);
        return SimResponse.ok(body);
    }

    SimResponse pools() {
        ObjectNode body = SimResponse.JSON.createObjectNode().put("kind", "PoolList").put("apiVersion", "v2");
        ObjectNode pool = body.putArray("items").addObject().put("kind", "Pool");
        pool.putObject("metadata").put("name", DemoAccount.POOL_NAME).putObject("labels")
                .put("os.modelarts/name", "gatehouse-demo-pool");
        pool.putObject("spec").put("type", "Dedicate").putObject("network").put("name", DemoAccount.NETWORK_NAME);
        pool.putObject("status").put("phase", "Running");
        return SimResponse.ok(body);
    }

    SimResponse network(String name) {
        if (!name.equals(DemoAccount.NETWORK_NAME)) {
            return SimResponse.error(404, "ModelArts.50004", "network " + name + " not found");
        }
        ObjectNode body = SimResponse.JSON.createObjectNode().put("kind", "Network");
        body.putObject("metadata").put("name", name);
        ObjectNode spec = body.putObject("spec").put("cidr", NETWORK_CIDR);
        ArrayNode peers = spec.putObject("connection").putArray("peerConnectionList");
        synchronized (state) {
            state.networkConnections.forEach(c -> peers.addObject().put("peerVpcId", c.get("peerVpcId"))
                    .put("peerSubnetId", c.get("peerSubnetId")));
        }
        body.putObject("status").put("phase", "Active");
        return SimResponse.ok(body);
    }

    /** New VPCs in the list get a peering from the network, waiting for acceptance in that VPC. */
    SimResponse connect(String name, SimRequest request) {
        String type = String.valueOf(request.header("content-type"));
        if (!type.startsWith("application/merge-patch+json")) {
            return SimResponse.error(415, "ModelArts.0104", "Content-Type must be application/merge-patch+json, was " + type);
        }
        if (!name.equals(DemoAccount.NETWORK_NAME)) {
            return SimResponse.error(404, "ModelArts.50004", "network " + name + " not found");
        }
        JsonNode list = request.body().path("spec").path("connection").path("peerConnectionList");
        if (!list.isArray()) {
            return SimResponse.error(400, "ModelArts.50001", "spec.connection.peerConnectionList must be a list");
        }
        synchronized (state) {
            for (JsonNode peer : list) {
                String vpcId = peer.path("peerVpcId").asText("");
                boolean known = state.networkConnections.stream().anyMatch(c -> c.get("peerVpcId").equals(vpcId));
                if (!known && !vpcId.isEmpty()) {
                    state.networkConnections.add(Map.of("peerVpcId", vpcId,
                            "peerSubnetId", peer.path("peerSubnetId").asText("")));
                    state.addPeering("peering-" + name, "vpc-" + name, vpcId);
                }
            }
        }
        return network(name);
    }

    SimResponse hostEndpoints(String serviceId, SimRequest request) {
        if (!"host_endpoints".equals(request.query("type"))) {
            return SimResponse.error(400, "ModelArts.3002", "type must be host_endpoints");
        }
        if (!serviceId.equals(DemoAccount.SERVICE_ID)) {
            return SimResponse.error(404, "ModelArts.3502", "service " + serviceId + " not found");
        }
        if (!state.allowHostEndpointLookup()) {
            SimResponse throttled = SimResponse.error(429, "APIGW.0308",
                    "The request is throttled: at most " + state.options.hostEndpointLookupsPerMinute()
                            + " host endpoint lookups a minute for a sub-account");
            return new SimResponse(429, Map.of("Retry-After", String.valueOf(state.secondsUntilNextLookup())),
                    throttled.body());
        }
        ObjectNode body = SimResponse.JSON.createObjectNode().put("service_id", serviceId)
                .put("service_name", DemoAccount.SERVICE_NAME);
        ArrayNode endpoints = body.putArray("endpoints");
        state.hostEndpoints().forEach(e -> endpoints.addObject().put("schema", e.schema()).put("ip", e.ip())
                .put("port", e.port()));
        return SimResponse.ok(body);
    }
}
