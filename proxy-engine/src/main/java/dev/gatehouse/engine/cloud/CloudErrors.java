package dev.gatehouse.engine.cloud;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the cloud's error bodies, {@code {"error_code", "error_msg"}} (VPC, ECS, ModelArts) and
 * IAM's {@code {"error": {"code", "message"}}}, into a {@link CloudException} a person understands.
 */
final class CloudErrors {

    private CloudErrors() {
    }

    static CloudException of(CloudHttp.Reply reply, String doing) {
        JsonNode body = reply.body();
        String code = text(body, "error_code");
        String message = text(body, "error_msg");
        JsonNode nested = body.path("error");
        if (message == null && nested.isObject()) {
            code = text(nested, "code");
            message = text(nested, "message");
        }
        if (message == null) {
            message = text(body, "message");
        }
        CloudException.Kind kind = CloudException.kindOf(reply.status());
        StringBuilder text = new StringBuilder("could not ").append(doing).append(": ");
        text.append(message != null ? message : meaning(reply.status()));
        text.append(" (HTTP ").append(reply.status());
        if (code != null) {
            text.append(", ").append(code);
        }
        if (reply.requestId() != null) {
            text.append(", request id ").append(reply.requestId());
        }
        text.append(')');
        if (kind == CloudException.Kind.THROTTLED) {
            text.append("; the cloud limits how often this may be called, try again in a minute");
        }
        return new CloudException(kind, text.toString(), reply.status(), code, reply.requestId(), null);
    }

    private static String meaning(int status) {
        return switch (CloudException.kindOf(status)) {
            case UNAUTHORIZED -> "the credentials were refused";
            case FORBIDDEN -> "the user lacks the permission for this";
            case NOT_FOUND -> "no such resource";
            case THROTTLED -> "too many requests";
            case UNAVAILABLE -> "the service failed";
            default -> "the request was refused";
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.asText().isBlank() ? value.asText() : null;
    }
}
