package dev.gatehouse.engine.ai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;

/** A JSON tree as the UTF-8 bytes sent on the wire; a tree always serialises, so no checked exception. */
public final class JsonBytes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBytes() {
    }

    public static byte[] of(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
