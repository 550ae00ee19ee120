package dev.gatehouse.engine.cloud;

import com.fasterxml.jackson.databind.JsonNode;

/** An ECS flavor ({@code flavors[]}); {@code ramMb} in MiB. */
public record Flavor(String id, String name, int vcpus, int ramMb) {

    static Flavor from(JsonNode node) {
        return new Flavor(node.path("id").asText(), node.path("name").asText(), node.path("vcpus").asInt(), node.path("ram").asInt());
    }
}
