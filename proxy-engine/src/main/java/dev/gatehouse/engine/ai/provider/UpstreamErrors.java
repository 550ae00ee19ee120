package dev.gatehouse.engine.ai.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * Upstream error bodies in OpenAI's shape, {@code {"error":{"message","type","code",..}}}, so that
 * OpenAI SDKs show the upstream's message. Reads Anthropic ({@code {"type":"error","error":{..}}}),
 * OpenAI and Azure ({@code {"error":{..}}}, extra fields such as {@code innererror} kept), vLLM
 * ({@code {"object":"error","message":..}}) and FastAPI ({@code {"detail":..}}); anything else gets
 * a message naming the status. A missing {@code code} becomes the status, as in the gateway's own
 * errors.
 */
final class UpstreamErrors {

    private UpstreamErrors() {
    }

    static ObjectNode toOpenAi(int status, byte[] body) {
        JsonNode json = parse(body);
        ObjectNode error;
        JsonNode nested = json.path("error");
        if (nested.isObject()) {
            error = ((ObjectNode) nested).deepCopy();
        } else if (json.has("message")) {
            error = ((ObjectNode) json).deepCopy();
            error.remove("object");
        } else {
            error = OpenAiShapes.JSON.createObjectNode();
            JsonNode detail = json.path("detail");
            if (detail.isTextual()) {
                error.put("message", detail.asText());
            } else if (nested.isTextual()) {
                error.put("message", nested.asText());
            }
        }
        if (!error.path("message").isTextual()) {
            error.put("message", "the upstream answered HTTP " + status);
        }
        if (!error.path("type").isTextual()) {
            error.put("type", typeFor(status));
        }
        if (!error.hasNonNull("code")) {
            error.set("code", IntNode.valueOf(status));
        }
        ObjectNode root = OpenAiShapes.JSON.createObjectNode();
        root.set("error", error);
        return root;
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return OpenAiShapes.JSON.createObjectNode();
        }
        try {
            JsonNode json = OpenAiShapes.JSON.readTree(body);
            return json != null && json.isObject() ? json : OpenAiShapes.JSON.createObjectNode();
        } catch (IOException notJson) {
            return OpenAiShapes.JSON.createObjectNode();
        }
    }

    private static String typeFor(int status) {
        return switch (status) {
            case 400, 404, 409, 413, 422 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }
}
