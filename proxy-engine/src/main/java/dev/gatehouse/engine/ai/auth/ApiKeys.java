package dev.gatehouse.engine.ai.auth;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.util.Base64;

/** Issues consumer API keys: {@code gh-} followed by 256 random bits in unpadded base64url. */
public final class ApiKeys {

    public static final String PREFIX = "gh-";
    /** 32 bytes are 43 base64url characters without padding. */
    public static final int RANDOM_CHARS = 43;
    private static final int RANDOM_BYTES = 32;

    private ApiKeys() {
    }

    /** A new key; show it to the user once and store only {@link ApiKeyHash#of its hash}. */
    public static String generate(SecureRandom random) {
        requireNonNull(random, "random");
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
