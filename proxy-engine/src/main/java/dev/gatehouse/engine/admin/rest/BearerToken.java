package dev.gatehouse.engine.admin.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import static java.util.Objects.requireNonNull;

/** The admin API's secret, checked against {@code Authorization: Bearer ...} in constant time. */
public final class BearerToken {

    private static final String SCHEME = "Bearer ";

    private final byte[] expected;

    public BearerToken(String token) {
        requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("the admin token cannot be blank");
        }
        this.expected = token.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code authorization} (the header's value, or null) carries this token. */
    public boolean admits(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        byte[] given = authorization.substring(SCHEME.length()).trim().getBytes(StandardCharsets.UTF_8);
        // isEqual takes the same time whatever the first differing byte is.
        return MessageDigest.isEqual(expected, given);
    }
}
