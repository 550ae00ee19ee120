package dev.gatehouse.engine.cloud;

import com.fasterxml.jackson.databind.JsonNode;

/** A server image (IMS {@code images[]}). */
public record Image(String id, String name, String status, int minDiskGb) {

    static Image from(JsonNode node) {
        return new Image(node.path("id").asText(), node.path("name").asText(), node.path("status").asText(), node.path("min_disk").asInt());
    }
}
