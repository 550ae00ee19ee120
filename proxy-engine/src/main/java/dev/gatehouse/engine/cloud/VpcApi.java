package dev.gatehouse.engine.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** VPC v1 (VPCs, subnets) and v2.0 (peerings, routes). */
public final class VpcApi {

    private final CloudSession session;

    VpcApi(CloudSession session) {
        this.session = session;
    }

    public List<Vpc> listVpcs() {
        return CloudSession.list(session.get(CloudEndpoints.VPC, "/v1/{project_id}/vpcs", "list the VPCs").path("vpcs"), Vpc::from);
    }

    public List<Subnet> listSubnets(String vpcId) {
        String path = "/v1/{project_id}/subnets?vpc_id=" + URLEncoder.encode(vpcId, StandardCharsets.UTF_8);
        return CloudSession.list(session.get(CloudEndpoints.VPC, path, "list the subnets of VPC " + vpcId).path("subnets"), Subnet::from);
    }

    /** Creates a VPC ({@code POST /v1/{project_id}/vpcs}); it is usable once its status is OK. */
    public Vpc createVpc(String name, String cidr) {
        ObjectNode body = CloudHttp.JSON.createObjectNode();
        body.putObject("vpc").put("name", name).put("cidr", cidr);
        return Vpc.from(session.call("POST", CloudEndpoints.VPC, "/v1/{project_id}/vpcs", body,
                "create the VPC " + name, Cancellation.none()).path("vpc"));
    }

    /** Creates a subnet in {@code vpcId} ({@code POST /v1/{project_id}/subnets}) with its gateway address. */
    public Subnet createSubnet(String vpcId, String name, String cidr, String gatewayIp) {
        ObjectNode body = CloudHttp.JSON.createObjectNode();
        body.putObject("subnet").put("name", name).put("cidr", cidr).put("gateway_ip", gatewayIp).put("vpc_id", vpcId);
        return Subnet.from(session.call("POST", CloudEndpoints.VPC, "/v1/{project_id}/subnets", body,
                "create the subnet " + name + " in VPC " + vpcId, Cancellation.none()).path("subnet"));
    }

    /** Asks for a peering from {@code requestVpcId} to {@code acceptVpcId} (of {@code acceptProjectId}, or ours). */
    public Peering createPeering(String name, String requestVpcId, String acceptVpcId, String acceptProjectId) {
        ObjectNode body = CloudHttp.JSON.createObjectNode();
        ObjectNode peering = body.putObject("peering").put("name", name);
        peering.putObject("request_vpc_info").put("vpc_id", requestVpcId);
        ObjectNode accept = peering.putObject("accept_vpc_info").put("vpc_id", acceptVpcId);
        if (acceptProjectId != null) {
            accept.put("tenant_id", acceptProjectId);
        }
        JsonNode reply = session.call("POST", CloudEndpoints.VPC, "/v2.0/vpc/peerings", body,
                "create the peering " + name, Cancellation.none());
        return Peering.from(reply.path("peering"));
    }

    /**
     * The peerings one side of which is {@code vpcId} ({@code GET /v2.0/vpc/peerings?vpc_id=}): how
     * the wizard finds the peering that connecting a ModelArts network leaves waiting for acceptance.
     */
    public List<Peering> listPeerings(String vpcId) {
        String path = "/v2.0/vpc/peerings?vpc_id=" + URLEncoder.encode(vpcId, StandardCharsets.UTF_8);
        return CloudSession.list(session.get(CloudEndpoints.VPC, path, "list the peerings of VPC " + vpcId).path("peerings"),
                Peering::from);
    }

    public Peering peering(String peeringId) {
        return Peering.from(session.get(CloudEndpoints.VPC, "/v2.0/vpc/peerings/" + peeringId,
                "read the peering " + peeringId).path("peering"));
    }

    /** Accepts a peering that waits in PENDING_ACCEPTANCE on our side. */
    public Peering acceptPeering(String peeringId) {
        JsonNode reply = session.call("PUT", CloudEndpoints.VPC, "/v2.0/vpc/peerings/" + peeringId + "/accept", null,
                "accept the peering " + peeringId, Cancellation.none());
        return Peering.from(reply.has("peering") ? reply.path("peering") : reply);
    }

    /** Polls until the peering is ACTIVE; fails at once if it was REJECTED, EXPIRED or deleted. */
    public Peering awaitPeeringActive(String peeringId, Duration timeout, Cancellation cancellation, Progress progress) {
        Peering active = session.await(() -> peering(peeringId),
                p -> p.status().equals("ACTIVE") || List.of("REJECTED", "EXPIRED", "DELETED").contains(p.status()),
                p -> "peering " + p.name() + " " + p.status(), timeout, cancellation, progress,
                "see the peering " + peeringId + " become ACTIVE");
        if (!active.status().equals("ACTIVE")) {
            throw new CloudException(CloudException.Kind.OPERATION_FAILED, "the peering " + peeringId
                    + " ended " + active.status() + " instead of becoming ACTIVE");
        }
        progress.report(1, "peering " + active.name() + " ACTIVE");
        return active;
    }

    /** Adds a route in {@code vpcId} sending {@code destinationCidr} through the peering; returns the route id. */
    public String addPeeringRoute(String vpcId, String destinationCidr, String peeringId) {
        ObjectNode body = CloudHttp.JSON.createObjectNode();
        body.putObject("route").put("type", "peering").put("nexthop", peeringId)
                .put("destination", destinationCidr).put("vpc_id", vpcId);
        JsonNode reply = session.call("POST", CloudEndpoints.VPC, "/v2.0/vpc/routes", body,
                "add the route to " + destinationCidr + " in VPC " + vpcId, Cancellation.none());
        return reply.path("route").path("id").asText();
    }
}
