package dev.gatehouse.engine.ai.template;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A route's system prompt: text with {@code {{name}}} variables, where it goes relative to the
 * client's own system prompt, and the variable values the operator fixed in the config.
 *
 * @param text      the prompt; {@code {{name}}} (spaces inside the braces allowed, names of
 *                  letters, digits, {@code _ . -}) is replaced; any other double brace stays as is
 * @param placement before or after the client's system prompt; PREPEND when null
 * @param values    fixed values; they win over request headers, so a client cannot override
 *                  what the operator pinned (a tenant name, say)
 */
public record PromptTemplate(String text, Placement placement, Map<String, String> values) {

    public PromptTemplate {
        requireNonNull(text, "text");
        placement = placement == null ? Placement.PREPEND : placement;
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    /** A template with no fixed values, placed before the client's system prompt. */
    public static PromptTemplate prepend(String text) {
        return new PromptTemplate(text, Placement.PREPEND, Map.of());
    }

    /** Where the template text goes relative to the client's system prompt. */
    public enum Placement {
        /** Template text first, then the client's system prompt. */
        PREPEND,
        /** The client's system prompt first, then the template text. */
        APPEND
    }
}
