package dev.gatehouse.engine.ai.provider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderSettingsTest {

    @Test
    void defaultsApplyWhenOnlyTheKindIsGiven() {
        ProviderSettings settings = ProviderSettings.builder(ProviderKind.OPENAI).build();

        assertThat(settings.apiKey()).isNull();
        assertThat(settings.azureApiVersion()).isEqualTo("2024-10-21");
        assertThat(settings.anthropicVersion()).isEqualTo("2023-06-01");
        assertThat(settings.anthropicDefaultMaxTokens()).isEqualTo(4096);
        assertThat(settings.azureDeployments()).isEmpty();
        assertThat(settings.modelRewrite()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = ProviderKind.class, names = {"AZURE_OPENAI", "ANTHROPIC"})
    void cloudProvidersNeedAnApiKey(ProviderKind kind) {
        assertThatThrownBy(() -> ProviderSettings.builder(kind).apiKey("  ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiKey");
    }

    @Test
    void aModelWithoutDeploymentIsItsOwnDeployment() {
        ProviderSettings settings = ProviderSettings.builder(ProviderKind.AZURE_OPENAI).apiKey("k")
                .azureDeployment("gpt-4o", "prod-gpt4o").build();

        assertThat(settings.azureDeployment("gpt-4o")).isEqualTo("prod-gpt4o");
        assertThat(settings.azureDeployment("gpt-4o-mini")).isEqualTo("gpt-4o-mini");
    }

    @Test
    void deploymentsAreCopied() {
        var deployments = new java.util.HashMap<>(Map.of("a", "b"));
        ProviderSettings settings = new ProviderSettings(ProviderKind.AZURE_OPENAI, "k", null, deployments, null, 1, null);
        deployments.put("c", "d");

        assertThat(settings.azureDeployments()).containsOnlyKeys("a");
    }

    @Test
    void theKeyNeverAppearsInToString() {
        ProviderSettings settings = ProviderSettings.builder(ProviderKind.ANTHROPIC).apiKey("sk-ant-secret").build();

        assertThat(settings.toString()).doesNotContain("sk-ant-secret").contains("apiKey=***");
    }

    @Test
    void rewriteReplacesTheClientModel() {
        ProviderSettings settings = ProviderSettings.builder(ProviderKind.OPENAI).modelRewrite("qwen-72b").build();

        assertThat(settings.upstreamModel("gpt-4o")).isEqualTo("qwen-72b");
        assertThat(ProviderSettings.builder(ProviderKind.OPENAI).build().upstreamModel("gpt-4o")).isEqualTo("gpt-4o");
    }

    @Test
    void nonPositiveDefaultMaxTokensIsRejected() {
        assertThatThrownBy(() -> ProviderSettings.builder(ProviderKind.ANTHROPIC).apiKey("k")
                .anthropicDefaultMaxTokens(0).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
