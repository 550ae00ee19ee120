package dev.gatehouse.engine.accesslog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads an ISO-8601 instant ({@code 2026-11-25T10:00:00Z}) without Jackson's java.time module. */
final class InstantText extends StdScalarDeserializer<Instant> {

    InstantText() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = parser.getValueAsString();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            return (Instant) context.handleWeirdStringValue(Instant.class, text,
                    "not an ISO-8601 instant such as 2026-11-25T10:00:00Z");
        }
    }
}
