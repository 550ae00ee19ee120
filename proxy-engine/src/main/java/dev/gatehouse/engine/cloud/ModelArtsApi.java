package dev.gatehouse.engine.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * ModelArts: online services, dedicated resource pools, their networks and VPC connections, and
 * a service's host endpoints (the VPC direct channel of seed 000), the last behind a {@link CallLimiter}.
 */
public final class ModelArtsApi {

    private final CloudSession session;
    private final CallLimiter hostEndpointLimiter;

    ModelArtsApi(CloudSession session, CallLimiter hostEndpointLimiter) {
        this.session = session;
        this.hostEndpointLimiter = hostEndpointLimiter;
    }

    public List<ModelArtsService> listServices() {
        return CloudSession.list(session.get(CloudEndpoints.MODELARTS, "/v1/{project_id}/services",
                "list the ModelArts services").path("services"), ModelArtsService::from);
    }

    public List<ResourcePool> listPools() {
        return CloudSession.list(session.get(CloudEndpoints.MODELARTS, "/v2/{project_id}/pools",
                "list the dedicated resource pools").path("items"), ResourcePool::from);
    }

    public PoolNetwork network(String networkName) {
        return PoolNetwork.from(session.get(CloudEndpoints.MODELARTS, "/v1/{project_id}/networks/" + networkName,
                "read the resource pool network " + networkName));
    }

    /**
     * Connects the pool's network to {@code vpcId}/{@code subnetId}. The cloud answers with a
     * peering waiting for acceptance in that VPC ({@link VpcApi#acceptPeering}).
     */
    public PoolNetwork connectVpc(String networkName, String vpcId, String subnetId) {
        PoolNetwork current = network(networkName);
        ObjectNode body = CloudHttp.JSON.createObjectNode();
        ArrayNode peers = body.putObject("spec").putObject("connection").putArray("peerConnectionList");
        current.connections().forEach(c -> peers.addObject().put("peerVpcId", c.vpcId()).put("peerSubnetId", c.subnetId()));
        if (!current.connectedTo(vpcId)) {
            peers.addObject().put("peerVpcId", vpcId).put("peerSubnetId", subnetId);
        }
        JsonNode reply = session.call("PATCH", CloudEndpoints.MODELARTS, "/v1/{project_id}/networks/" + networkName, body,
                "connect the network " + networkName + " to VPC " + vpcId, Cancellation.none());
        return PoolNetwork.from(reply);
    }

    /**
     * The service's instances as {@code schema://ip:port}. Refused here, without calling, with
     * {@link CloudException.Kind#THROTTLED} when the limiter has no permit.
     */
    public List<HostEndpoint> hostEndpoints(String serviceId) {
        if (!hostEndpointLimiter.tryAcquire()) {
            throw new CloudException(CloudException.Kind.THROTTLED, "not asking for the host endpoints of service "
                    + serviceId + ": the cloud allows " + hostEndpointLimiter.limit() + " lookups a minute, next in "
                    + hostEndpointLimiter.untilNextPermit().toSeconds() + " s");
        }
        JsonNode reply = session.get(CloudEndpoints.MODELARTS,
                "/v1/{project_id}/services/" + serviceId + "/predict/endpoints?type=host_endpoints",
                "read the host endpoints of service " + serviceId);
        return CloudSession.list(reply.path("endpoints"), HostEndpoint::from);
    }
}
