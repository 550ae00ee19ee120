package dev.gatehouse.engine.ai.provider;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;

import static dev.gatehouse.engine.ai.provider.ProviderFixtures.call;
import static dev.gatehouse.engine.ai.provider.ProviderFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Whatever the provider, the client's credentials stay at the gateway and the gateway's go upstream. */
class ClientCredentialsTest {

    private static final String CLIENT_KEY = "sk-client-should-never-leave";
    private static final String GATEWAY_KEY = "gateway-upstream-key";

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void clientCredentialHeadersAreRemovedAndNeverSet(ProviderKind kind) {
        ProviderSettings settings = ProviderSettings.builder(kind).apiKey(GATEWAY_KEY).build();
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        ProviderCall call = call(ProviderAdapter.of(kind).adapt("/v1/chat/completions", json(body), settings));

        assertThat(call.removeHeaders()).contains("authorization", "x-api-key", "api-key");
        assertThat(call.setHeaders().values()).noneMatch(value -> value.contains(CLIENT_KEY));
        assertThat(call.setHeaders().values()).anyMatch(value -> value.contains(GATEWAY_KEY));
        assertThat(new String(call.body(), StandardCharsets.UTF_8)).doesNotContain(GATEWAY_KEY);
        assertThat(call.pathAndQuery()).doesNotContain(GATEWAY_KEY);
    }
}
