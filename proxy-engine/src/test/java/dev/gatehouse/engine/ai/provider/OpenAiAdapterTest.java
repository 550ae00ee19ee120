package dev.gatehouse.engine.ai.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenAiAdapterTest {

    private static final String BODY = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":false}";

    private final ProviderAdapter adapter = ProviderAdapter.of(ProviderKind.OPENAI, ProviderFixtures.CLOCK);
    private final ProviderSettings selfHosted = ProviderSettings.builder(ProviderKind.OPENAI).build();
    private final ProviderSettings aliased = ProviderSettings.builder(ProviderKind.OPENAI)
            .apiKey("sk-gateway").modelRewrite("qwen-72b").build();

    @ParameterizedTest
    @CsvSource({
            "/v1/chat/completions,          /v1/chat/completions",
            "/v1/completions,               /v1/completions",
            "/v1/embeddings,                /v1/embeddings",
            "/v1/chat/completions?trace=1,  /v1/chat/completions?trace=1",
            "/v1/models,                    /v1/models",
    })
    void pathsGoThroughUnchanged(String clientPath, String upstreamPath) {
        ProviderCall call = call(adapter.adapt(clientPath, json(BODY), selfHosted));

        assertThat(call.pathAndQuery()).isEqualTo(upstreamPath);
    }

    @Test
    void selfHostedWithoutKeySetsNoCredentialButStillRemovesTheClients() {
        ProviderCall call = call(adapter.adapt("/v1/chat/completions", json(BODY), selfHosted));

        assertThat(call.setHeaders()).isEmpty();
        assertThat(call.removeHeaders()).containsExactlyInAnyOrder("authorization", "x-api-key", "api-key");
    }

    @Test
    void configuredKeyGoesInAsBearer() {
        ProviderCall call = call(adapter.adapt("/v1/chat/completions", json(BODY), aliased));

        assertThat(call.setHeaders()).isEqualTo(Map.of("authorization", "Bearer sk-gateway"));
    }

    @Test
    void bodyIsForwardedAsIsWithoutRewrite() {
        ProviderCall call = call(adapter.adapt("/v1/chat/completions", json(BODY), selfHosted));

        assertThat(json(call.body())).isEqualTo(json(BODY));
        assertThat(call.clientModel()).isNull();
    }

    @Test
    void rewriteChangesTheForwardedModelButNotTheClientsBody() {
        ObjectNode body = json(BODY);

        ProviderCall call = call(adapter.adapt("/v1/chat/completions", body, aliased));

        ObjectNode expected = json(BODY).put("model", "qwen-72b");
        assertThat(json(call.body())).isEqualTo(expected);
        assertThat(call.clientModel()).isEqualTo("gpt-4o");
        assertThat(body).isEqualTo(json(BODY));
    }

    @Test
    void requestAlreadyNamingTheRewriteTargetNeedsNoRestoration() {
        ProviderCall call = call(adapter.adapt("/v1/chat/completions",
                json("{\"model\":\"qwen-72b\",\"messages\":[]}"), aliased));

        assertThat(call.clientModel()).isNull();
    }

    @Test
    void bodilessRequestsForwardAnEmptyBody() {
        ProviderCall call = call(adapter.adapt("/v1/models", null, aliased));

        assertThat(call.body()).isEmpty();
        assertThat(call.setHeaders()).containsEntry("authorization", "Bearer sk-gateway");
    }

    @Test
    void responseIsIdentityExceptTheRestoredModel() {
        ObjectNode upstream = json("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"qwen-72b\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}");

        assertThat(adapter.translateResponse(upstream, null)).isEqualTo(upstream);
        assertThat(adapter.translateResponse(upstream, "gpt-4o")).isEqualTo(upstream.deepCopy().put("model", "gpt-4o"));
        assertThat(upstream.get("model").asText()).isEqualTo("qwen-72b");
    }

    @Test
    void streamWithoutRewriteIsReEmittedByteForByte() {
        String sse = resource("openai-stream.sse");

        List<String> out = translate(adapter.streamTranslator(null, false), events(sse));

        assertThat(String.join("", out)).isEqualTo(sse);
    }

    @Test
    void streamRestoresTheModelInEveryChunk() {
        List<String> out = translate(adapter.streamTranslator("gpt-4o", true), events(resource("openai-stream.sse")));

        assertThat(out).hasSize(4).last().isEqualTo("data: [DONE]\n\n");
        assertThat(out.subList(0, 3)).allSatisfy(chunk -> assertThat(data(chunk).get("model").asText()).isEqualTo("gpt-4o"));
        assertThat(data(out.get(1)).at("/choices/0/delta/content").asText()).isEqualTo("Rome");
    }

    @Test
    void namedAndMultiLineEventsKeepTheirShape() {
        StreamTranslator translator = adapter.streamTranslator(null, false);

        assertThat(translator.onEvent("error", "{\"a\":1,\n\"b\":2}")).containsExactly("event: error\ndata: {\"a\":1,\ndata: \"b\":2}\n\n");
    }

    @Test
    void settingsOfAnotherKindAreAProgrammingError() {
        ProviderSettings anthropic = ProviderSettings.builder(ProviderKind.ANTHROPIC).apiKey("k").build();

        assertThatThrownBy(() -> adapter.adapt("/v1/chat/completions", json(BODY), anthropic))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
