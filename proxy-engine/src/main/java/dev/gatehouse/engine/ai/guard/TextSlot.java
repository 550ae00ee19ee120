package dev.gatehouse.engine.ai.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * One string in a JSON tree that the guard reads and may rewrite: a field of an object or an
 * element of an array, named by its JSON Pointer for log lines and error messages.
 */
record TextSlot(String path, JsonNode container, String field, int index) {

    static TextSlot field(ObjectNode owner, String field, String ownerPath) {
        return new TextSlot(ownerPath + "/" + field, owner, field, -1);
    }

    static TextSlot element(ArrayNode owner, int index, String ownerPath) {
        return new TextSlot(ownerPath + "/" + index, owner, null, index);
    }

    String text() {
        return (field != null ? container.get(field) : container.get(index)).textValue();
    }

    void replace(String text) {
        if (field != null) {
            ((ObjectNode) container).put(field, text);
        } else {
            ((ArrayNode) container).set(index, TextNode.valueOf(text));
        }
    }
}
