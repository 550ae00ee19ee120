package dev.gatehouse.engine.ai.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an OpenAI-compatible chat/completions body keeps the text a person wrote or will read.
 * The order of the slots depends only on the shape of the tree, so a deep copy yields the same
 * list and a slot found in the original can be rewritten at the same index in the copy.
 */
final class ChatTexts {

    private ChatTexts() {
    }

    /** Every {@code messages[].content} (any role) and {@code prompt} (string or array). */
    static List<TextSlot> inRequest(ObjectNode request) {
        List<TextSlot> slots = new ArrayList<>();
        if (request.get("messages") instanceof ArrayNode messages) {
            for (int i = 0; i < messages.size(); i++) {
                if (messages.get(i) instanceof ObjectNode message) {
                    addContent(message, "/messages/" + i, slots);
                }
            }
        }
        JsonNode prompt = request.get("prompt");
        if (prompt != null && prompt.isTextual()) {
            slots.add(TextSlot.field(request, "prompt", ""));
        } else if (prompt instanceof ArrayNode prompts) {
            addStrings(prompts, "/prompt", slots);
        }
        return slots;
    }

    /** Every {@code choices[].message.content} and {@code choices[].text}. */
    static List<TextSlot> inResponse(ObjectNode response) {
        List<TextSlot> slots = new ArrayList<>();
        if (response.get("choices") instanceof ArrayNode choices) {
            for (int i = 0; i < choices.size(); i++) {
                if (choices.get(i) instanceof ObjectNode choice) {
                    String path = "/choices/" + i;
                    if (choice.get("message") instanceof ObjectNode message) {
                        addContent(message, path + "/message", slots);
                    }
                    if (choice.path("text").isTextual()) {
                        slots.add(TextSlot.field(choice, "text", path));
                    }
                }
            }
        }
        return slots;
    }

    /**
     * A content string, or every part with a string {@code text}. Parts are not filtered by
     * {@code type}: backends accept variants ({@code input_text}, a missing type), and a part
     * the guard skipped would be a way around it.
     */
    private static void addContent(ObjectNode owner, String ownerPath, List<TextSlot> slots) {
        JsonNode content = owner.get("content");
        if (content == null) {
            return;
        }
        if (content.isTextual()) {
            slots.add(TextSlot.field(owner, "content", ownerPath));
        } else if (content instanceof ArrayNode parts) {
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i) instanceof ObjectNode part && part.path("text").isTextual()) {
                    slots.add(TextSlot.field(part, "text", ownerPath + "/content/" + i));
                }
            }
        }
    }

    /** String elements only: a prompt may also be token ids, which no word list can match. */
    private static void addStrings(ArrayNode array, String path, List<TextSlot> slots) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).isTextual()) {
                slots.add(TextSlot.element(array, i, path));
            }
        }
    }
}
