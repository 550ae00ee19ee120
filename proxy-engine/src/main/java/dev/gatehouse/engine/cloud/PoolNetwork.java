package dev.gatehouse.engine.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The network of a dedicated resource pool: its CIDR (the host endpoints' addresses are in it)
 * and the VPCs it is connected to ({@code spec.connection.peerConnectionList}).
 */
public record PoolNetwork(String name, String cidr, String phase, List<VpcConnection> connections) {

    /** One VPC (and subnet) the pool's network is connected to. */
    public record VpcConnection(String vpcId, String subnetId) {
    }

    public PoolNetwork {
        connections = List.copyOf(connections);
    }

    public boolean connectedTo(String vpcId) {
        return connections.stream().anyMatch(c -> c.vpcId().equals(vpcId));
    }

    static PoolNetwork from(JsonNode node) {
        List<VpcConnection> connections = new ArrayList<>();
        for (JsonNode peer : node.path("spec").path("connection").path("peerConnectionList")) {
            connections.add(new VpcConnection(peer.path("peerVpcId").asText(), peer.path("peerSubnetId").asText()));
        }
        return new PoolNetwork(node.path("metadata").path("name").asText(), node.path("spec").path("cidr").asText(),
                node.path("status").path("phase").asText(), connections);
    }
}
