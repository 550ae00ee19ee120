package dev.gatehouse.engine.ai.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of salt and key; every JVM ships SHA-256, so its absence is a broken runtime. */
final class Sha256 {

    private Sha256() {
    }

    static byte[] digest(byte[] salt, String text) {
        MessageDigest digest = newDigest();
        digest.update(salt);
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        return digest.digest();
    }

    static byte[] digest(String text) {
        return newDigest().digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
