package dev.gatehouse.engine.ai.auth;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How an API key is stored in the config: never the key itself, only a salted hash of it.
 *
 * <p>Why salted SHA-256 and not bcrypt, scrypt or Argon2: a slow KDF exists to make guessing a
 * low-entropy password expensive. Our keys are 256-bit random tokens that we generate ourselves
 * ({@link ApiKeys#generate}), so there is nothing to guess: brute-forcing 2^256 candidates is out
 * of reach at any hash speed. A slow KDF would add nothing but tens of milliseconds of CPU on an
 * event loop per uncached request. The salt keeps equal keys from having equal hashes across
 * configs and defeats precomputed tables should a key ever be chosen by hand.
 */
public record ApiKeyHash(String algorithm, String salt, String hash) {

    public static final String SHA256 = "sha256";
    private static final int SALT_BYTES = 16;
    private static final HexFormat HEX = HexFormat.of();

    public ApiKeyHash {
        requireNonNull(algorithm, "algorithm");
        requireNonNull(salt, "salt");
        requireNonNull(hash, "hash");
        if (!algorithm.equals(SHA256)) {
            throw new IllegalArgumentException("algorithm must be \"sha256\", got \"" + algorithm + '"');
        }
        if (!isHex(salt)) {
            throw new IllegalArgumentException("salt must be non-empty hex");
        }
        if (hash.length() != 64 || !isHex(hash)) {
            throw new IllegalArgumentException("hash must be 64 hex digits (SHA-256)");
        }
        salt = salt.toLowerCase(Locale.ROOT);
        hash = hash.toLowerCase(Locale.ROOT);
    }

    /** Hashes {@code key} with a fresh random salt; what the admin API stores when it issues a key. */
    public static ApiKeyHash of(String key, SecureRandom random) {
        requireNonNull(key, "key");
        requireNonNull(random, "random");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new ApiKeyHash(SHA256, HEX.formatHex(salt), HEX.formatHex(Sha256.digest(salt, key)));
    }

    /** Whether {@code presented} is the key this hash was made from, compared in constant time. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] expected = HEX.parseHex(hash);
        byte[] actual = Sha256.digest(HEX.parseHex(salt), presented);
        return MessageDigest.isEqual(expected, actual);
    }

    private static boolean isHex(String text) {
        if (text.isEmpty() || text.length() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!HexFormat.isHexDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Prints neither salt nor full hash, so a logged record cannot be used to test guesses offline. */
    @Override
    public String toString() {
        return "ApiKeyHash[" + algorithm + ", …" + hash.substring(hash.length() - 6) + ']';
    }
}
