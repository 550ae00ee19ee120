package dev.gatehouse.engine.config;

/** One step of a fallback chain: another pool, and the model name to ask it for (null: unchanged). */
public record FallbackConfig(String pool, String upstreamModel) {
}
