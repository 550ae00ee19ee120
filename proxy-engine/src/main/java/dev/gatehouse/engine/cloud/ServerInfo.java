package dev.gatehouse.engine.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** An ECS ({@code server}): its status (ACTIVE when running) and its fixed private addresses. */
public record ServerInfo(String id, String name, String status, List<String> privateAddresses) {

    public ServerInfo {
        privateAddresses = List.copyOf(privateAddresses);
    }

    static ServerInfo from(JsonNode node) {
        List<String> addresses = new ArrayList<>();
        // "addresses" is keyed by VPC id, each an array of {addr, version, OS-EXT-IPS:type}.
        node.path("addresses").forEach(perVpc -> perVpc.forEach(address -> {
            if (!"floating".equals(address.path("OS-EXT-IPS:type").asText())) {
                addresses.add(address.path("addr").asText());
            }
        }));
        return new ServerInfo(node.path("id").asText(), node.path("name").asText(), node.path("status").asText(), addresses);
    }
}
