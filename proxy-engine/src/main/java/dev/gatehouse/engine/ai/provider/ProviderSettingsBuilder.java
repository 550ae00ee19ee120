package dev.gatehouse.engine.ai.provider;

import java.util.HashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** Builds {@link ProviderSettings}; everything but the kind has a default. */
public final class ProviderSettingsBuilder {

    private final ProviderKind kind;
    private String apiKey;
    private String azureApiVersion = ProviderSettings.DEFAULT_AZURE_API_VERSION;
    private final Map<String, String> azureDeployments = new HashMap<>();
    private String anthropicVersion = ProviderSettings.DEFAULT_ANTHROPIC_VERSION;
    private int anthropicDefaultMaxTokens = ProviderSettings.DEFAULT_ANTHROPIC_MAX_TOKENS;
    private String modelRewrite;

    ProviderSettingsBuilder(ProviderKind kind) {
        this.kind = requireNonNull(kind, "kind");
    }

    public ProviderSettingsBuilder apiKey(String apiKey) {
        this.apiKey = apiKey;
        return this;
    }

    public ProviderSettingsBuilder azureApiVersion(String azureApiVersion) {
        this.azureApiVersion = requireNonNull(azureApiVersion, "azureApiVersion");
        return this;
    }

    public ProviderSettingsBuilder azureDeployment(String model, String deployment) {
        azureDeployments.put(requireNonNull(model, "model"), requireNonNull(deployment, "deployment"));
        return this;
    }

    public ProviderSettingsBuilder anthropicVersion(String anthropicVersion) {
        this.anthropicVersion = requireNonNull(anthropicVersion, "anthropicVersion");
        return this;
    }

    public ProviderSettingsBuilder anthropicDefaultMaxTokens(int anthropicDefaultMaxTokens) {
        this.anthropicDefaultMaxTokens = anthropicDefaultMaxTokens;
        return this;
    }

    public ProviderSettingsBuilder modelRewrite(String modelRewrite) {
        this.modelRewrite = modelRewrite;
        return this;
    }

    public ProviderSettings build() {
        return new ProviderSettings(kind, apiKey, azureApiVersion, azureDeployments, anthropicVersion,
                anthropicDefaultMaxTokens, modelRewrite);
    }
}
