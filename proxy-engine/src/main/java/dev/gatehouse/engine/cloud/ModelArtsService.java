package dev.gatehouse.engine.cloud;

import com.fasterxml.jackson.databind.JsonNode;

/** A ModelArts online service ({@code services[]}); {@code status} is for example "running". */
public record ModelArtsService(String id, String name, String status, String inferType) {

    static ModelArtsService from(JsonNode node) {
        return new ModelArtsService(node.path("service_id").asText(), node.path("service_name").asText(), node.path("status").asText(), node.path("infer_type").asText());
    }
}
