package dev.gatehouse.engine.ai.provider;

/** The upstream protocols the gateway can translate its OpenAI-speaking clients to. */
public enum ProviderKind {
    /** OpenAI itself and OpenAI-compatible servers: vLLM, SGLang, ModelArts services. */
    OPENAI,
    /** Azure OpenAI: deployments in the path, {@code api-version} in the query, {@code api-key} header. */
    AZURE_OPENAI,
    /** Anthropic Messages API; chat completions only. */
    ANTHROPIC
}
