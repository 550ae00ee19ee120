package dev.gatehouse.engine.routing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Reads the top-level {@code model} field of a JSON request body with a streaming parser: it stops
 * at the field, skips nested values without building them, and never throws on bad JSON.
 */
public final class ModelField {

    private static final JsonFactory JSON = new JsonFactory();

    private ModelField() {
    }

    /** The model name, or null when the body is not a JSON object with a string {@code model}. */
    public static String read(byte[] body, int offset, int length) {
        try (JsonParser parser = JSON.createParser(body, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("model".equals(field)) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException malformed) {
            return null;
        }
    }
}
