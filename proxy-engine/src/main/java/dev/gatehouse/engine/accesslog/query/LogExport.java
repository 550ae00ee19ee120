package dev.gatehouse.engine.accesslog.query;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * Streams the rows of a query to an output stream as CSV (RFC 4180, header line of seed 003's
 * column names) or JSON Lines (one object per record, the same names), never holding more than
 * one row in memory. The stream is flushed, not closed.
 */
final class LogExport {

    private static final int PROGRESS_EVERY = 5_000;
    private static final JsonFactory JSON = new JsonFactory();

    private LogExport() {
    }

    static ExportResult write(ResultSet rows, ExportFormat format, OutputStream out, ExportProgress progress)
            throws SQLException, IOException {
        ResultSetMetaData meta = rows.getMetaData();
        int columns = meta.getColumnCount();
        String[] names = new String[columns];
        for (int c = 0; c < columns; c++) {
            names[c] = meta.getColumnName(c + 1);
        }
        long count = 0;
        boolean cancelled = false;
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(nonClosing(out), StandardCharsets.UTF_8), 1 << 16);
             JsonGenerator json = format == ExportFormat.JSON_LINES ? JSON.createGenerator(writer) : null) {
            if (json != null) {
                json.setRootValueSeparator(null);
            } else {
                csvLine(writer, names);
            }
            String[] values = new String[columns];
            while (rows.next()) {
                if (progress.cancelled()) {
                    cancelled = true;
                    break;
                }
                if (json != null) {
                    jsonLine(json, rows, names);
                } else {
                    for (int c = 0; c < columns; c++) {
                        values[c] = rows.getString(c + 1);
                    }
                    csvLine(writer, values);
                }
                if (++count % PROGRESS_EVERY == 0) {
                    progress.written(count);
                }
            }
        }
        progress.written(count);
        return new ExportResult(count, cancelled);
    }

    private static void jsonLine(JsonGenerator json, ResultSet rows, String[] names) throws SQLException, IOException {
        json.writeStartObject();
        for (int c = 0; c < names.length; c++) {
            Object value = rows.getObject(c + 1);
            json.writeFieldName(names[c]);
            if (value == null) {
                json.writeNull();
            } else if (value instanceof Number number) {
                json.writeNumber(number.longValue());
            } else {
                json.writeString(value.toString());
            }
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private static void csvLine(Writer writer, String[] values) throws IOException {
        for (int c = 0; c < values.length; c++) {
            if (c > 0) {
                writer.write(',');
            }
            String value = values[c];
            if (value == null) {
                continue;
            }
            if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                    || value.indexOf('\r') >= 0) {
                writer.write('"');
                writer.write(value.replace("\"", "\"\""));
                writer.write('"');
            } else {
                writer.write(value);
            }
        }
        writer.write("\r\n");
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
