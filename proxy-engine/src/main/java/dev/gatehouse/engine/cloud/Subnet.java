package dev.gatehouse.engine.cloud;

import com.fasterxml.jackson.databind.JsonNode;

/** A subnet of a VPC (VPC v1 {@code subnets[]}). */
public record Subnet(String id, String name, String cidr, String gatewayIp, String vpcId, String status) {

    static Subnet from(JsonNode node) {
        return new Subnet(node.path("id").asText(), node.path("name").asText(), node.path("cidr").asText(), node.path("gateway_ip").asText(), node.path("vpc_id").asText(), node.path("status").asText());
    }
}
