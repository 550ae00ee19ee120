package dev.gatehouse.engine.sim;

import static dev.gatehouse.engine.sim.SimHttp.chatBody;
import static dev.gatehouse.engine.sim.SimHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FaultInjectionIntegrationTest {

    private static LlmBackendSimulator start(SimulatorOptions.Builder options) {
        return new LlmBackendSimulator(options.baseLatency(Duration.ZERO).build()).start();
    }

    @Test
    void errorRateOneAnswersEveryCompletionWith500OpenAiError() {
        try (LlmBackendSimulator sim = start(SimulatorOptions.builder().errorRate(1.0))) {
            HttpResponse<String> response = SimHttp.post(sim, "/v1/chat/completions", chatBody("sim-model", "Hi", ""));

            assertThat(response.statusCode()).isEqualTo(500);
            JsonNode error = json(response.body()).path("error");
            assertThat(error.path("type").asText()).isEqualTo("server_error");
            assertThat(error.path("message").asText()).isNotBlank();
            assertThat(sim.stats().errorsInjected()).isEqualTo(1);
        }
    }

    @Test
    void errorRateIsRoughlyHonouredAndRepeatableForASeed() {
        long[] errors = new long[2];
        for (int run = 0; run < 2; run++) {
            try (LlmBackendSimulator sim = start(SimulatorOptions.builder().errorRate(0.3).seed(7))) {
                errors[run] = IntStream.range(0, 60)
                        .map(i -> SimHttp.post(sim, "/v1/chat/completions",
                                chatBody("sim-model", "Hi", "\"max_tokens\":1")).statusCode())
                        .filter(status -> status == 500).count();
            }
        }
        assertThat(errors[0]).isBetween(8L, 30L).isEqualTo(errors[1]);
    }

    @Test
    void hangRateOneNeverAnswersSoTheClientTimesOut() {
        try (LlmBackendSimulator sim = start(SimulatorOptions.builder().hangRate(1.0))) {
            HttpRequest request = HttpRequest.newBuilder(
                    SimHttp.chatRequest(sim, chatBody("sim-model", "Hi", "")), (name, value) -> true)
                    .timeout(Duration.ofMillis(300)).build();

            assertThatThrownBy(() -> SimHttp.CLIENT.send(request, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(HttpTimeoutException.class);
            assertThat(sim.stats().hangsInjected()).isEqualTo(1);
            assertThat(sim.stats().requestsCompleted()).isZero();
        }
    }

    @Test
    void healthAnswers200WhenHealthyAnd503WhenSetDown() {
        try (LlmBackendSimulator sim = start(SimulatorOptions.builder())) {
            HttpResponse<String> up = SimHttp.get(sim, "/health");
            sim.setHealthy(false);
            HttpResponse<String> down = SimHttp.get(sim, "/health");
            sim.setHealthy(true);
            HttpResponse<String> upAgain = SimHttp.get(sim, "/health");

            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(json(up.body()).path("status").asText()).isEqualTo("ok");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(upAgain.statusCode()).isEqualTo(200);
        }
    }
}
