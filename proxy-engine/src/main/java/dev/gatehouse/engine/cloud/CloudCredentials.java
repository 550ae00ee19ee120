package dev.gatehouse.engine.cloud;

import static java.util.Objects.requireNonNull;

/**
 * How the client proves who it is: an IAM user's password (exchanged for a token scoped to the
 * region's project) or an access key pair (each request signed). {@code toString} never shows a secret.
 */
public sealed interface CloudCredentials {

    /** An IAM user ({@code user}) of the account ({@code domain}) with its password. */
    record Password(String domain, String user, String password) implements CloudCredentials {
        public Password {
            requireText(domain, "domain");
            requireText(user, "user");
            requireText(password, "password");
        }

        @Override
        public String toString() {
            return "Password[domain=" + domain + ", user=" + user + ", password=***]";
        }
    }

    /** An access key pair; {@code projectId} may be null, then it is looked up by region name. */
    record AccessKey(String accessKey, String secretKey, String projectId) implements CloudCredentials {
        public AccessKey {
            requireText(accessKey, "accessKey");
            requireText(secretKey, "secretKey");
        }

        @Override
        public String toString() {
            // Even the access key is shown only by its start: enough to tell keys apart in a log.
            return "AccessKey[accessKey=" + accessKey.substring(0, Math.min(4, accessKey.length())) + "***, secretKey=***, projectId="
                    + projectId + "]";
        }
    }

    private static void requireText(String value, String name) {
        requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
