package dev.gatehouse.engine.admin.remote;

import dev.gatehouse.engine.accesslog.query.ExportFormat;

/**
 * Counts the records of an export body as it streams past: one per line of JSON Lines, one per
 * line of CSV outside quoted fields (a quoted field may hold a line break), less the CSV header.
 */
final class ExportCounter {

    private final boolean csv;
    private long lines;
    private boolean inQuotes;

    ExportCounter(ExportFormat format) {
        this.csv = format == ExportFormat.CSV;
    }

    void accept(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (csv && b == '"') {
                inQuotes = !inQuotes; // an escaped quote ("") toggles twice
            } else if (b == '\n' && !inQuotes) {
                lines++;
            }
        }
    }

    long records() {
        return csv ? Math.max(0, lines - 1) : lines;
    }
}
