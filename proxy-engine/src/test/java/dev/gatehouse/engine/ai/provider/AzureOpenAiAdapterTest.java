package dev.gatehouse.engine.ai.provider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static dev.gatehouse.engine.ai.provider.ProviderFixtures.call;
import static dev.gatehouse.engine.ai.provider.ProviderFixtures.data;
import static dev.gatehouse.engine.ai.provider.ProviderFixtures.events;
import static dev.gatehouse.engine.ai.provider.ProviderFixtures.json;
import static dev.gatehouse.engine.ai.provider.ProviderFixtures.resource;
import static dev.gatehouse.engine.ai.provider.ProviderFixtures.translate;
import static org.assertj.core.api.Assertions.assertThat;

class AzureOpenAiAdapterTest {

    private final ProviderAdapter adapter = ProviderAdapter.of(ProviderKind.AZURE_OPENAI, ProviderFixtures.CLOCK);
    private final ProviderSettings settings = ProviderSettings.builder(ProviderKind.AZURE_OPENAI)
            .apiKey("azure-key").azureDeployment("gpt-4o", "prod-gpt4o").build();

    @ParameterizedTest
    @CsvSource({
            "/v1/chat/completions,              gpt-4o,                 /openai/deployments/prod-gpt4o/chat/completions?api-version=2024-10-21",
            "/v1/completions,                   gpt-35-turbo-instruct,  /openai/deployments/gpt-35-turbo-instruct/completions?api-version=2024-10-21",
            "/v1/embeddings,                    text-embedding-3-small, /openai/deployments/text-embedding-3-small/embeddings?api-version=2024-10-21",
            "/v1/chat/completions?api-version=x, gpt-4o,                /openai/deployments/prod-gpt4o/chat/completions?api-version=2024-10-21",
            "/v1/chat/completions,              Qwen/Qwen2-72B,         /openai/deployments/Qwen%2FQwen2-72B/chat/completions?api-version=2024-10-21",
            "/v1/chat/completions,              ..,                     /openai/deployments/%2E%2E/chat/completions?api-version=2024-10-21",
    })
    void pathsBecomeDeploymentPaths(String clientPath, String model, String upstreamPath) {
        ProviderCall call = call(adapter.adapt(clientPath, json("{\"model\":\"" + model + "\"}"), settings));

        assertThat(call.pathAndQuery()).isEqualTo(upstreamPath);
    }

    @Test
    void apiVersionComesFromSettings() {
        ProviderSettings preview = ProviderSettings.builder(ProviderKind.AZURE_OPENAI).apiKey("k")
                .azureApiVersion("2025-01-01-preview").build();

        ProviderCall call = call(adapter.adapt("/v1/chat/completions", json("{\"model\":\"gpt-4o\"}"), preview));

        assertThat(call.pathAndQuery()).isEqualTo("/openai/deployments/gpt-4o/chat/completions?api-version=2025-01-01-preview");
    }

    @Test
    void keyGoesInApiKeyHeaderAndClientCredentialsAreRemoved() {
        ProviderCall call = call(adapter.adapt("/v1/chat/completions", json("{\"model\":\"gpt-4o\"}"), settings));

        assertThat(call.setHeaders()).isEqualTo(Map.of("api-key", "azure-key"));
        assertThat(call.removeHeaders()).containsExactlyInAnyOrder("authorization", "x-api-key", "api-key");
    }

    @Test
    void rewrittenModelChoosesTheDeploymentAndIsRestored() {
        ProviderSettings aliased = ProviderSettings.builder(ProviderKind.AZURE_OPENAI).apiKey("k")
                .modelRewrite("gpt-4o").azureDeployment("gpt-4o", "prod-gpt4o").build();

        ProviderCall call = call(adapter.adapt("/v1/chat/completions",
                json("{\"model\":\"smart\",\"messages\":[]}"), aliased));

        assertThat(call.pathAndQuery()).startsWith("/openai/deployments/prod-gpt4o/");
        assertThat(json(call.body())).isEqualTo(json("{\"model\":\"gpt-4o\",\"messages\":[]}"));
        assertThat(call.clientModel()).isEqualTo("smart");
        assertThat(adapter.translateResponse(json("{\"model\":\"gpt-4o-2024-08-06\",\"choices\":[]}"), call.clientModel()))
                .isEqualTo(json("{\"model\":\"smart\",\"choices\":[]}"));
    }

    @Test
    void withoutRewriteAzuresModelNameStands() {
        ProviderCall call = call(adapter.adapt("/v1/chat/completions", json("{\"model\":\"gpt-4o\"}"), settings));

        assertThat(call.clientModel()).isNull();
        List<String> out = translate(adapter.streamTranslator(call.clientModel(), false), events(resource("openai-stream.sse")));
        assertThat(data(out.get(0)).get("model").asText()).isEqualTo("qwen-72b");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/v1/models           | {\"model\":\"gpt-4o\"} | /v1/models is not supported",
            "/v1/chat/completions | {\"messages\":[]}     | needs a \"model\"",
    })
    void unservableRequestsAreRejected(String path, String body, String message) {
        UpstreamRequest request = adapter.adapt(path, json(body), settings);

        assertThat(request).isInstanceOfSatisfying(UnsupportedOperation.class,
                rejected -> assertThat(rejected.message()).contains(message));
    }
}
