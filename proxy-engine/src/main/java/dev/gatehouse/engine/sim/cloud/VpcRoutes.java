package dev.gatehouse.engine.sim.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** VPC v1 (one VPC with one subnet) and v2.0 peerings (PENDING_ACCEPTANCE until accepted) and routes. */
final class VpcRoutes {

    static final String VPC_CIDR = "192.168.0.0/16";

    private final CloudSimState state;

    VpcRoutes(CloudSimState state) {
        this.state = state;
    }

    SimResponse vpcs() {
        ObjectNode body = SimResponse.JSON.createObjectNode();
        var list = body.putArray("vpcs");
        synchronized (state) {
            state.vpcs.forEach(v -> list.addObject().put("id", v.get("id")).put("name", v.get("name"))
                    .put("cidr", v.get("cidr")).put("status", "OK"));
        }
        return SimResponse.ok(body);
    }

    SimResponse subnets(SimRequest request) {
        ObjectNode body = SimResponse.JSON.createObjectNode();
        var list = body.putArray("subnets");
        String vpcId = request.query("vpc_id");
        synchronized (state) {
            state.subnets.stream().filter(s -> vpcId == null || vpcId.equals(s.get("vpc_id")))
                    .forEach(s -> list.add(subnet(s)));
        }
        return SimResponse.ok(body);
    }

    SimResponse createVpc(SimRequest request) {
        JsonNode vpc = request.body().path("vpc");
        String name = vpc.path("name").asText("");
        String cidr = vpc.path("cidr").asText("");
        if (name.isEmpty() || !cidr.matches("\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+")) {
            return SimResponse.error(400, "VPC.0002", "vpc.name and a vpc.cidr such as 192.168.0.0/16 are required");
        }
        String id = java.util.UUID.randomUUID().toString();
        synchronized (state) {
            state.vpcs.add(Map.of("id", id, "name", name, "cidr", cidr));
        }
        ObjectNode body = SimResponse.JSON.createObjectNode();
        body.putObject("vpc").put("id", id).put("name", name).put("cidr", cidr).put("status", "OK");
        return SimResponse.ok(body);
    }

    SimResponse createSubnet(SimRequest request) {
        JsonNode subnet = request.body().path("subnet");
        String vpcId = subnet.path("vpc_id").asText("");
        Map<String, String> created;
        synchronized (state) {
            if (state.vpcs.stream().noneMatch(v -> v.get("id").equals(vpcId))) {
                return SimResponse.error(404, "VPC.0202", "VPC " + vpcId + " not found");
            }
            created = Map.of("id", java.util.UUID.randomUUID().toString(), "name", subnet.path("name").asText(""),
                    "cidr", subnet.path("cidr").asText(""), "gateway_ip", subnet.path("gateway_ip").asText(""),
                    "vpc_id", vpcId);
            state.subnets.add(created);
        }
        ObjectNode body = SimResponse.JSON.createObjectNode();
        body.set("subnet", subnet(created));
        return SimResponse.ok(body);
    }

    private static ObjectNode subnet(Map<String, String> s) {
        return SimResponse.JSON.createObjectNode().put("id", s.get("id")).put("name", s.get("name"))
                .put("cidr", s.get("cidr")).put("gateway_ip", s.get("gateway_ip")).put("vpc_id", s.get("vpc_id"))
                .put("status", "ACTIVE");
    }

    SimResponse createPeering(SimRequest request) {
        JsonNode peering = request.body().path("peering");
        String requestVpc = peering.path("request_vpc_info").path("vpc_id").asText("");
        String acceptVpc = peering.path("accept_vpc_info").path("vpc_id").asText("");
        if (requestVpc.isEmpty() || acceptVpc.isEmpty()) {
            return SimResponse.error(400, "VPC.0101", "request_vpc_info.vpc_id and accept_vpc_info.vpc_id are required");
        }
        if (requestVpc.equals(acceptVpc)) {
            return SimResponse.error(400, "VPC.0102", "a VPC cannot be peered with itself");
        }
        var created = state.addPeering(peering.path("name").asText("peering"), requestVpc, acceptVpc);
        ObjectNode body = SimResponse.JSON.createObjectNode();
        body.set("peering", render(created));
        return SimResponse.created(body);
    }

    /** {@code GET /v2.0/vpc/peerings?vpc_id=}: the peerings either side of which is that VPC. */
    SimResponse peerings(SimRequest request) {
        String vpcId = request.query("vpc_id");
        ObjectNode body = SimResponse.JSON.createObjectNode();
        var list = body.putArray("peerings");
        synchronized (state) {
            state.peerings.values().stream()
                    .filter(p -> vpcId == null || vpcId.equals(p.requestVpcId) || vpcId.equals(p.acceptVpcId))
                    .forEach(p -> list.add(render(p)));
        }
        return SimResponse.ok(body);
    }

    SimResponse peering(String id) {
        var peering = find(id);
        if (peering == null) {
            return SimResponse.notFound("peering " + id);
        }
        ObjectNode body = SimResponse.JSON.createObjectNode();
        body.set("peering", render(peering));
        return SimResponse.ok(body);
    }

    /** The accept answer is the bare peering, as in the API reference. */
    SimResponse accept(String id) {
        var peering = find(id);
        if (peering == null) {
            return SimResponse.notFound("peering " + id);
        }
        synchronized (state) {
            if (peering.acceptedAt == null) {
                peering.acceptedAt = state.now();
            }
        }
        return SimResponse.ok(render(peering));
    }

    SimResponse addRoute(SimRequest request) {
        JsonNode route = request.body().path("route");
        String nexthop = route.path("nexthop").asText("");
        var peering = find(nexthop);
        if (peering == null) {
            return SimResponse.error(400, "VPC.1802", "the next hop " + nexthop + " is not a peering of this VPC");
        }
        if (!state.peeringStatus(peering).equals("ACTIVE")) {
            return SimResponse.error(409, "VPC.1803", "the peering " + nexthop + " is not ACTIVE yet");
        }
        String id = java.util.UUID.randomUUID().toString();
        synchronized (state) {
            state.routes.add(Map.of("id", id, "destination", route.path("destination").asText(),
                    "nexthop", nexthop, "vpc_id", route.path("vpc_id").asText()));
        }
        ObjectNode body = SimResponse.JSON.createObjectNode();
        body.putObject("route").put("id", id).put("type", "peering").put("nexthop", nexthop)
                .put("destination", route.path("destination").asText()).put("vpc_id", route.path("vpc_id").asText());
        return SimResponse.created(body);
    }

    private CloudSimState.SimPeering find(String id) {
        synchronized (state) {
            return state.peerings.get(id);
        }
    }

    private ObjectNode render(CloudSimState.SimPeering peering) {
        ObjectNode node = SimResponse.JSON.createObjectNode().put("id", peering.id).put("name", peering.name)
                .put("status", state.peeringStatus(peering));
        node.putObject("request_vpc_info").put("vpc_id", peering.requestVpcId).put("tenant_id", DemoAccount.PROJECT_ID);
        node.putObject("accept_vpc_info").put("vpc_id", peering.acceptVpcId).put("tenant_id", DemoAccount.PROJECT_ID);
        return node;
    }
}
