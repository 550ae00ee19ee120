package dev.gatehouse.engine.ai.provider;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * How to reach one upstream provider: its kind, the credential the gateway attaches, and the
 * kind-specific knobs. {@code apiKey} may be null only for {@link ProviderKind#OPENAI} (self-hosted
 * servers without auth). {@code azureDeployments} maps the upstream model name to a deployment;
 * a model without an entry is its own deployment. {@code modelRewrite}, when set, replaces the
 * client's model in the forwarded body and is hidden again in the response.
 */
public record ProviderSettings(ProviderKind kind, String apiKey, String azureApiVersion,
                               Map<String, String> azureDeployments, String anthropicVersion,
                               int anthropicDefaultMaxTokens, String modelRewrite) {

    public static final String DEFAULT_AZURE_API_VERSION = "2024-10-21";
    public static final String DEFAULT_ANTHROPIC_VERSION = "2023-06-01";
    public static final int DEFAULT_ANTHROPIC_MAX_TOKENS = 4096;

    public ProviderSettings {
        requireNonNull(kind, "kind");
        apiKey = blankToNull(apiKey);
        if (apiKey == null && kind != ProviderKind.OPENAI) {
            throw new IllegalArgumentException("apiKey is required for " + kind);
        }
        azureApiVersion = azureApiVersion == null ? DEFAULT_AZURE_API_VERSION : azureApiVersion;
        azureDeployments = azureDeployments == null ? Map.of() : Map.copyOf(azureDeployments);
        anthropicVersion = anthropicVersion == null ? DEFAULT_ANTHROPIC_VERSION : anthropicVersion;
        if (anthropicDefaultMaxTokens < 1) {
            throw new IllegalArgumentException("anthropicDefaultMaxTokens must be positive: " + anthropicDefaultMaxTokens);
        }
        modelRewrite = blankToNull(modelRewrite);
    }

    public static ProviderSettingsBuilder builder(ProviderKind kind) {
        return new ProviderSettingsBuilder(kind);
    }

    /** The model name to send upstream for a client's model (which may be null). */
    public String upstreamModel(String clientModel) {
        return modelRewrite != null ? modelRewrite : clientModel;
    }

    /** The Azure deployment serving an upstream model name. */
    public String azureDeployment(String upstreamModel) {
        return azureDeployments.getOrDefault(upstreamModel, upstreamModel);
    }

    /** Never prints the key: settings end up in logs and config dumps. */
    @Override
    public String toString() {
        return "ProviderSettings[kind=" + kind + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", azureApiVersion=" + azureApiVersion + ", azureDeployments=" + azureDeployments
                + ", anthropicVersion=" + anthropicVersion
                + ", anthropicDefaultMaxTokens=" + anthropicDefaultMaxTokens
                + ", modelRewrite=" + modelRewrite + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
