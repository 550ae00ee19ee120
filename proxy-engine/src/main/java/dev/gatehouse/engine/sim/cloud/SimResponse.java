package dev.gatehouse.engine.sim.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** What the cloud simulator answers: a status, extra headers and a JSON body. */
record SimResponse(int status, Map<String, String> headers, JsonNode body) {

    static final ObjectMapper JSON = new ObjectMapper();

    static SimResponse ok(JsonNode body) {
        return new SimResponse(200, Map.of(), body);
    }

    static SimResponse created(JsonNode body) {
        return new SimResponse(201, Map.of(), body);
    }

    /** The VPC/ECS/ModelArts error shape, {@code {"error_code", "error_msg"}}. */
    static SimResponse error(int status, String code, String message) {
        ObjectNode body = JSON.createObjectNode().put("error_code", code).put("error_msg", message);
        return new SimResponse(status, Map.of(), body);
    }

    /** IAM's error shape, {@code {"error": {"code", "message", "title"}}}. */
    static SimResponse iamError(int status, String title, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("code", String.valueOf(status)).put("message", message).put("title", title);
        return new SimResponse(status, Map.of(), body);
    }

    static SimResponse notFound(String what) {
        return error(404, "Common.0404", what + " does not exist");
    }
}
