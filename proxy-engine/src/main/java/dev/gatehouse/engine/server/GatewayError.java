package dev.gatehouse.engine.server;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Every error the gateway itself answers with, each with its HTTP status and a stable
 * {@code error.type} that clients and dashboards can rely on.
 */
public enum GatewayError {
    BAD_REQUEST(HttpResponseStatus.BAD_REQUEST, "bad_request"),
    INVALID_REQUEST(HttpResponseStatus.BAD_REQUEST, "invalid_request_error"),
    CONTENT_BLOCKED(HttpResponseStatus.BAD_REQUEST, "content_blocked"),
    INVALID_API_KEY(HttpResponseStatus.UNAUTHORIZED, "invalid_api_key"),
    MODEL_NOT_ALLOWED(HttpResponseStatus.FORBIDDEN, "model_not_allowed"),
    RATE_LIMITED(HttpResponseStatus.TOO_MANY_REQUESTS, "rate_limit_exceeded"),
    QUOTA_EXCEEDED(HttpResponseStatus.TOO_MANY_REQUESTS, "insufficient_quota"),
    ROUTE_NOT_FOUND(HttpResponseStatus.NOT_FOUND, "route_not_found"),
    REQUEST_TIMEOUT(HttpResponseStatus.REQUEST_TIMEOUT, "request_timeout"),
    PAYLOAD_TOO_LARGE(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "payload_too_large"),
    URI_TOO_LONG(HttpResponseStatus.REQUEST_URI_TOO_LONG, "uri_too_long"),
    HEADERS_TOO_LARGE(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request_header_fields_too_large"),
    UPSTREAM_CONNECT_FAILED(HttpResponseStatus.BAD_GATEWAY, "upstream_connect_failed"),
    UPSTREAM_RESET(HttpResponseStatus.BAD_GATEWAY, "upstream_reset"),
    INTERNAL(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal_error"),
    NO_HEALTHY_UPSTREAM(HttpResponseStatus.SERVICE_UNAVAILABLE, "no_healthy_upstream"),
    SHUTTING_DOWN(HttpResponseStatus.SERVICE_UNAVAILABLE, "shutting_down"),
    UPSTREAM_TIMEOUT(HttpResponseStatus.GATEWAY_TIMEOUT, "upstream_timeout");

    private final HttpResponseStatus status;
    private final String type;

    GatewayError(HttpResponseStatus status, String type) {
        this.status = status;
        this.type = type;
    }

    public HttpResponseStatus status() {
        return status;
    }

    public String type() {
        return type;
    }
}
