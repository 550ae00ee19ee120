package dev.gatehouse.engine.admin;

import dev.gatehouse.engine.config.ConfigError;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Why a {@link GatewayControl} call failed: a stable {@link Kind} that callers branch on, a
 * message for people, and for {@link Kind#INVALID_CONFIG} every error with its field path.
 */
public final class ControlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, with the HTTP status the REST face answers it with. */
    public enum Kind {
        /** The request itself is malformed (bad JSON, a missing field). */
        BAD_REQUEST(400),
        /** No token, or the wrong one. */
        UNAUTHORIZED(401),
        /** No such pool, endpoint, version or path. */
        NOT_FOUND(404),
        /** The path exists but not with this HTTP method. */
        METHOD_NOT_ALLOWED(405),
        /** Another apply happened since the version the change was based on. */
        CONFLICT(409),
        /** The request body is larger than the admin API accepts. */
        TOO_LARGE(413),
        /** The config has errors; {@link #errors()} lists them. */
        INVALID_CONFIG(422),
        /** A bug or an unexpected failure (for example the config could not be saved). */
        INTERNAL(500),
        /** The engine cannot be reached or is too busy to answer now. */
        UNAVAILABLE(503);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }

        /** The kind an HTTP error status stands for, for a client that got no error body. */
        public static Kind ofHttpStatus(int status) {
            for (Kind kind : values()) {
                if (kind.httpStatus == status) {
                    return kind;
                }
            }
            return status >= 500 ? UNAVAILABLE : BAD_REQUEST;
        }
    }

    private final Kind kind;
    private final transient List<ConfigError> errors;

    public ControlException(Kind kind, String message) {
        this(kind, message, List.of(), null);
    }

    public ControlException(Kind kind, String message, Throwable cause) {
        this(kind, message, List.of(), cause);
    }

    public ControlException(Kind kind, String message, List<ConfigError> errors, Throwable cause) {
        super(requireNonNull(message, "message"), cause);
        this.kind = requireNonNull(kind, "kind");
        this.errors = List.copyOf(errors);
    }

    /** An invalid config, with every error. */
    public static ControlException invalidConfig(List<ConfigError> errors) {
        String message = errors.size() == 1 ? "the config has 1 error: " + errors.get(0)
                : "the config has " + errors.size() + " errors, the first: " + errors.get(0);
        return new ControlException(Kind.INVALID_CONFIG, message, errors, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The config errors of an {@link Kind#INVALID_CONFIG}; empty for the other kinds. */
    public List<ConfigError> errors() {
        return errors;
    }
}
