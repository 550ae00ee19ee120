package dev.gatehouse.engine.cloud;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** An IAM token (the {@code X-Subject-Token}), when it expires and the project it is scoped to. */
public record IamToken(String value, Instant expiresAt, String projectId) {

    public IamToken {
        requireNonNull(value, "value");
        requireNonNull(expiresAt, "expiresAt");
        requireNonNull(projectId, "projectId");
    }

    @Override
    public String toString() {
        return "IamToken[value=***, expiresAt=" + expiresAt + ", projectId=" + projectId + "]";
    }
}
