package dev.gatehouse.engine.cloud;

import com.fasterxml.jackson.databind.JsonNode;

/** One instance of a ModelArts service as the VPC direct channel reaches it: {@code schema://ip:port} (seed 000). */
public record HostEndpoint(String schema, String ip, int port) {

    static HostEndpoint from(JsonNode node) {
        return new HostEndpoint(node.path("schema").asText("http"), node.path("ip").asText(), node.path("port").asInt());
    }

    /** {@code ip:port}, as a pool endpoint's address. */
    public String address() {
        return ip + ":" + port;
    }
}
