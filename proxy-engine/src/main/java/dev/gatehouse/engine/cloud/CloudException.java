package dev.gatehouse.engine.cloud;

import static java.util.Objects.requireNonNull;

/**
 * A failed cloud call, worded for a person: what was attempted, what the cloud said (its
 * {@code error_code} and {@code error_msg}) and the request id to quote to support.
 */
public final class CloudException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that branch (retry, ask for other credentials, give up). */
    public enum Kind {
        /** Wrong credentials, or a token the cloud refused twice. */
        UNAUTHORIZED,
        /** The credentials are right but lack a permission. */
        FORBIDDEN,
        /** No such resource. */
        NOT_FOUND,
        /** The request was refused as malformed or conflicting. */
        BAD_REQUEST,
        /** Throttled (HTTP 429) and still throttled after the retries. */
        THROTTLED,
        /** A long operation ended in failure (for example an ECS job that ran out of quota). */
        OPERATION_FAILED,
        /** The cloud failed (HTTP 5xx) or could not be reached. */
        UNAVAILABLE,
        /** A wait ran past its deadline. */
        TIMED_OUT,
        /** The caller cancelled. */
        CANCELLED
    }

    private final Kind kind;
    private final int httpStatus;
    private final String errorCode;
    private final String requestId;

    public CloudException(Kind kind, String message, int httpStatus, String errorCode, String requestId, Throwable cause) {
        super(requireNonNull(message, "message"), cause);
        this.kind = requireNonNull(kind, "kind");
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.requestId = requestId;
    }

    public CloudException(Kind kind, String message) {
        this(kind, message, 0, null, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status of the failed response, 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The cloud's own code such as {@code VPC.0101} or {@code Ecs.0319}, or null. */
    public String errorCode() {
        return errorCode;
    }

    /** The {@code X-Request-Id} of the failed response, or null. */
    public String requestId() {
        return requestId;
    }

    static Kind kindOf(int status) {
        return switch (status) {
            case 400, 409, 422 -> Kind.BAD_REQUEST;
            case 401 -> Kind.UNAUTHORIZED;
            case 403 -> Kind.FORBIDDEN;
            case 404 -> Kind.NOT_FOUND;
            case 429 -> Kind.THROTTLED;
            default -> status >= 500 ? Kind.UNAVAILABLE : Kind.BAD_REQUEST;
        };
    }
}
