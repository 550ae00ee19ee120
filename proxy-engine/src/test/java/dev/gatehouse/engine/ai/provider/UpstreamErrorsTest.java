package dev.gatehouse.engine.ai.provider;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static dev.gatehouse.engine.ai.provider.ProviderFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

class UpstreamErrorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // Anthropic
            "ANTHROPIC    | 529 | {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"
                    + " | {\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\",\"code\":529}}",
            "ANTHROPIC    | 401 | {\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}"
                    + " | {\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\",\"code\":401}}",
            // Azure: a code, no type, extra fields kept
            "AZURE_OPENAI | 404 | {\"error\":{\"code\":\"DeploymentNotFound\",\"message\":\"The API deployment for this resource does not exist.\"}}"
                    + " | {\"error\":{\"code\":\"DeploymentNotFound\",\"message\":\"The API deployment for this resource does not exist.\",\"type\":\"invalid_request_error\"}}",
            "AZURE_OPENAI | 400 | {\"error\":{\"code\":\"content_filter\",\"message\":\"filtered\",\"param\":\"prompt\",\"innererror\":{\"code\":\"ResponsibleAIPolicyViolation\"}}}"
                    + " | {\"error\":{\"code\":\"content_filter\",\"message\":\"filtered\",\"param\":\"prompt\",\"type\":\"invalid_request_error\",\"innererror\":{\"code\":\"ResponsibleAIPolicyViolation\"}}}",
            // OpenAI: already in shape
            "OPENAI       | 429 | {\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}"
                    + " | {\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}",
            // vLLM
            "OPENAI       | 400 | {\"object\":\"error\",\"message\":\"max_tokens is too large\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}"
                    + " | {\"error\":{\"message\":\"max_tokens is too large\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}}",
            // FastAPI / SGLang
            "OPENAI       | 422 | {\"detail\":\"Unprocessable\"}"
                    + " | {\"error\":{\"message\":\"Unprocessable\",\"type\":\"invalid_request_error\",\"code\":422}}",
            // A load balancer's HTML page
            "AZURE_OPENAI | 502 | <html><body>Bad Gateway</body></html>"
                    + " | {\"error\":{\"message\":\"the upstream answered HTTP 502\",\"type\":\"api_error\",\"code\":502}}",
    })
    void upstreamErrorsTakeOpenAisShape(ProviderKind kind, int status, String body, String expected) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        assertThat(ProviderAdapter.of(kind).translateError(status, bytes)).isEqualTo(json(expected));
    }
}
