package dev.gatehouse.engine.admin;

import dev.gatehouse.engine.config.ConfigError;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A {@link ControlException} on the wire: {@code {"kind":"CONFLICT","message":"...","errors":[...]}},
 * the body of every admin API error response.
 */
public record ErrorBody(String kind, String message, List<ConfigError> errors) {

    public ErrorBody {
        requireNonNull(kind, "kind");
        requireNonNull(message, "message");
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ErrorBody of(ControlException e) {
        return new ErrorBody(e.kind().name(), e.getMessage(), e.errors());
    }

    /** Back into the exception; a kind this client does not know is taken from the HTTP status. */
    public ControlException toException(int httpStatus) {
        ControlException.Kind known;
        try {
            known = ControlException.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            known = ControlException.Kind.ofHttpStatus(httpStatus);
        }
        return new ControlException(known, message, errors, null);
    }
}
