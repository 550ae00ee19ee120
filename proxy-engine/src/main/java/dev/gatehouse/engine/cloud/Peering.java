package dev.gatehouse.engine.cloud;

import com.fasterxml.jackson.databind.JsonNode;

/** A VPC peering (VPC v2 {@code peering}); {@code status} is PENDING_ACCEPTANCE until the accepting side accepts, then ACTIVE. */
public record Peering(String id, String name, String status, String requestVpcId, String acceptVpcId) {

    static Peering from(JsonNode node) {
        return new Peering(node.path("id").asText(), node.path("name").asText(), node.path("status").asText(), node.path("request_vpc_info").path("vpc_id").asText(), node.path("accept_vpc_info").path("vpc_id").asText());
    }
}
