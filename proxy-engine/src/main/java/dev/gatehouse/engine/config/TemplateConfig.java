package dev.gatehouse.engine.config;

import java.util.Map;

/**
 * A prompt template of an AI route: a system prompt with {@code {{name}}} variables, filled from
 * {@code variables} or from request headers {@code x-gatehouse-var-NAME}.
 */
public record TemplateConfig(String system, Map<String, String> variables) {

    public TemplateConfig {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }
}
