package dev.gatehouse.engine.cloud;

import com.fasterxml.jackson.databind.JsonNode;

/** A virtual private cloud (VPC v1 {@code vpcs[]}). */
public record Vpc(String id, String name, String cidr, String status) {

    static Vpc from(JsonNode node) {
        return new Vpc(node.path("id").asText(), node.path("name").asText(), node.path("cidr").asText(), node.path("status").asText());
    }
}
