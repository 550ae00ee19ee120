package dev.gatehouse.engine.config;

import java.util.Map;

/**
 * What speaks behind a pool's endpoints, so that one client protocol (OpenAI's) reaches them all.
 * Credentials come from the environment variable {@code apiKeyEnv}, never from the config file.
 *
 * @param kind        {@code openai} (OpenAI-compatible: vLLM, SGLang, ModelArts), {@code azure_openai}
 *                    or {@code anthropic}
 * @param deployments Azure deployment name per model (default: the model name)
 */
public record ProviderConfig(Kind kind, String apiKeyEnv, String apiVersion, Map<String, String> deployments) {

    public enum Kind { OPENAI, AZURE_OPENAI, ANTHROPIC }

    public ProviderConfig {
        kind = kind == null ? Kind.OPENAI : kind;
        deployments = deployments == null ? Map.of() : Map.copyOf(deployments);
    }

    public static ProviderConfig openAi() {
        return new ProviderConfig(Kind.OPENAI, null, null, null);
    }
}
