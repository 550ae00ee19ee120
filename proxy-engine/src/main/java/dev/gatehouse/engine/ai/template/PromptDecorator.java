package dev.gatehouse.engine.ai.template;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Puts a route's system prompt into chat requests. Built once per config snapshot; immutable
 * and thread-safe.
 *
 * <p>The template text is merged into the first existing {@code system} message (separated by a
 * blank line, before or after its text per {@link PromptTemplate.Placement}) rather than added as
 * a second one: many models' chat templates (Qwen, Llama 3, Mistral) accept one system message,
 * at the start, and fail or silently drop the rest. Only when there is none is a new system
 * message inserted first. Requests without a {@code messages} array (legacy {@code prompt}
 * completions) are returned unchanged.
 *
 * <p>Variables are filled from the template's fixed values first, then from request headers
 * {@code x-gatehouse-var-NAME}; header names are matched case-insensitively (HTTP/2 lowercases
 * them), so {@code {{userName}}} is filled by {@code x-gatehouse-var-username}.
 */
public final class PromptDecorator {

    /** Request headers with this prefix (any case) supply template variables. */
    public static final String HEADER_PREFIX = "x-gatehouse-var-";

    static final String SEPARATOR = "\n\n";

    private final PromptTemplate template;
    private final TemplateText text;

    public PromptDecorator(PromptTemplate template) {
        this.template = requireNonNull(template, "template");
        this.text = new TemplateText(template.text());
    }

    public PromptTemplate template() {
        return template;
    }

    /**
     * Applies the template to a copy of {@code request}; {@code request} itself is never changed.
     *
     * @param headers the request headers; only those starting with {@link #HEADER_PREFIX} are read
     */
    public Decoration decorate(ObjectNode request, Map<String, String> headers) {
        requireNonNull(request, "request");
        requireNonNull(headers, "headers");
        ObjectNode copy = request.deepCopy();
        if (!(copy.get("messages") instanceof ArrayNode messages)) {
            return new Decoration.Applied(copy);
        }
        Map<String, String> fromHeaders = headerVariables(headers);
        TemplateText.Rendering rendering = text.render(name -> {
            String fixed = template.values().get(name);
            return fixed != null ? fixed : fromHeaders.get(name.toLowerCase(Locale.ROOT));
        });
        if (!rendering.missing().isEmpty()) {
            return new Decoration.MissingVariables(rendering.missing());
        }
        insert(messages, rendering.text());
        return new Decoration.Applied(copy);
    }

    private void insert(ArrayNode messages, String prompt) {
        boolean prepend = template.placement() == PromptTemplate.Placement.PREPEND;
        for (JsonNode node : messages) {
            if (node instanceof ObjectNode message && "system".equals(message.path("role").textValue())) {
                merge(message, prompt, prepend);
                return;
            }
        }
        messages.insertObject(0).put("role", "system").put("content", prompt);
    }

    private static void merge(ObjectNode system, String prompt, boolean prepend) {
        JsonNode content = system.get("content");
        if (content instanceof ArrayNode parts) {
            ObjectNode part = prepend ? parts.insertObject(0) : parts.addObject();
            part.put("type", "text").put("text", prompt);
        } else if (content != null && content.isTextual() && !content.textValue().isEmpty()) {
            String existing = content.textValue();
            system.put("content", prepend ? prompt + SEPARATOR + existing : existing + SEPARATOR + prompt);
        } else {
            system.put("content", prompt);
        }
    }

    private static Map<String, String> headerVariables(Map<String, String> headers) {
        Map<String, String> variables = new HashMap<>();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(HEADER_PREFIX) && lower.length() > HEADER_PREFIX.length() && value != null) {
                variables.put(lower.substring(HEADER_PREFIX.length()), value);
            }
        });
        return variables;
    }
}
