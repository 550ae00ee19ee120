package dev.gatehouse.engine.config;

/** One API key as stored: hex SHA-256 of salt and key, and the hex salt. {@code gatehouse keygen} makes them. */
public record ApiKeyConfig(String salt, String sha256) {
}
