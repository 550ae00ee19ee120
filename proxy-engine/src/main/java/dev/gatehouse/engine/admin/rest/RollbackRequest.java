package dev.gatehouse.engine.admin.rest;

/** The body of {@code POST /admin/config/rollback}: the kept version to run again. */
public record RollbackRequest(long seq) {
}
