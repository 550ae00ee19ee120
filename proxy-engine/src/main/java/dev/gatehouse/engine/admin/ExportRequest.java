package dev.gatehouse.engine.admin;

import dev.gatehouse.engine.accesslog.query.ExportFormat;
import dev.gatehouse.engine.accesslog.query.LogQuery;

import static java.util.Objects.requireNonNull;

/** Which access log records to export, and as what. */
public record ExportRequest(LogQuery query, ExportFormat format) {

    public ExportRequest {
        requireNonNull(query, "query");
        requireNonNull(format, "format");
    }
}
