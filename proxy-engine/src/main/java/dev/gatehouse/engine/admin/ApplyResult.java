package dev.gatehouse.engine.admin;

/** What an apply or rollback made: the version the engine now runs. */
public record ApplyResult(long configVersion) {
}
