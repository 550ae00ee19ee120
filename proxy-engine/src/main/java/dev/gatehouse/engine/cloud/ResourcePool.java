package dev.gatehouse.engine.cloud;

import com.fasterxml.jackson.databind.JsonNode;

/** A ModelArts dedicated resource pool (v2 {@code pools} items) and the name of its network. */
public record ResourcePool(String name, String displayName, String phase, String networkName) {

    static ResourcePool from(JsonNode node) {
        return new ResourcePool(node.path("metadata").path("name").asText(), node.path("metadata").path("labels").path("os.modelarts/name").asText(node.path("metadata").path("name").asText()), node.path("status").path("phase").asText(), node.path("spec").path("network").path("name").asText());
    }
}
