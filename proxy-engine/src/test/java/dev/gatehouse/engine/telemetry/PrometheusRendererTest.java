package dev.gatehouse.engine.telemetry;

import dev.gatehouse.engine.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.gatehouse.engine.telemetry.ExpositionChecker.value;
import static dev.gatehouse.engine.telemetry.TestRecords.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrometheusRendererTest {

    private final Telemetry telemetry = new Telemetry(new MutableClock("2026-11-25T12:00:00Z"));

    @Test
    void theCountsOfTheTextAreTheTrafficSent() {
        for (int i = 0; i < 7; i++) {
            telemetry.accept(request().durationMillis(3 + i * 100).firstTokenMillis(2).tokens(11, 4).build());
        }
        telemetry.accept(request().model("llama").status(504, "upstream_timeout").tokens(0, 0).build());
        telemetry.accept(request().model("llama").status(429, "rate_limit_exceeded").tokens(0, 0).build());
        telemetry.connectionOpened();
        telemetry.streamStarted();

        List<ExpositionChecker.Sample> samples = ExpositionChecker.parse(PrometheusRenderer.render(telemetry.snapshot()));

        assertThat(value(samples, "gatehouse_requests_total", Map.of())).isEqualTo(9);
        assertThat(value(samples, "gatehouse_input_tokens_total", Map.of())).isEqualTo(77);
        assertThat(value(samples, "gatehouse_model_requests_total", Map.of("model", "llama"))).isEqualTo(2);
        assertThat(value(samples, "gatehouse_model_output_tokens_total", Map.of("model", "qwen"))).isEqualTo(28);
        assertThat(value(samples, "gatehouse_responses_total", Map.of("class", "5xx"))).isEqualTo(1);
        assertThat(value(samples, "gatehouse_model_responses_total", Map.of("model", "llama", "class", "4xx"))).isEqualTo(1);
        assertThat(value(samples, "gatehouse_gateway_errors_total", Map.of("type", "upstream_timeout"))).isEqualTo(1);
        assertThat(value(samples, "gatehouse_rate_limited_total", Map.of())).isEqualTo(1);
        assertThat(value(samples, "gatehouse_request_duration_seconds_count", Map.of())).isEqualTo(9);
        assertThat(value(samples, "gatehouse_request_duration_seconds_bucket", Map.of("le", "0.005")))
                .as("only the 3 ms request is at or below 5 ms").isEqualTo(1);
        assertThat(value(samples, "gatehouse_request_duration_seconds_bucket", Map.of("le", "+Inf"))).isEqualTo(9);
        assertThat(value(samples, "gatehouse_first_token_seconds_count", Map.of())).isEqualTo(7);
        assertThat(value(samples, "gatehouse_model_first_token_seconds_sum", Map.of("model", "qwen")))
                .isEqualTo(0.014);
        assertThat(samples).as("per consumer, only the request duration histogram")
                .noneMatch(s -> s.name().startsWith("gatehouse_consumer_first_token"))
                .anyMatch(s -> s.name().equals("gatehouse_consumer_request_duration_seconds_count"));
        assertThat(value(samples, "gatehouse_active_connections", Map.of())).isEqualTo(1);
        assertThat(value(samples, "gatehouse_active_streams", Map.of())).isEqualTo(1);
    }

    @Test
    void labelValuesFromClientsAreEscaped() {
        String model = "we\"ird\\model\nname";
        telemetry.accept(request().model(model).build());

        String text = PrometheusRenderer.render(telemetry.snapshot());

        assertThat(text).contains("gatehouse_model_requests_total{model=\"we\\\"ird\\\\model\\nname\"} 1\n");
        assertThat(value(ExpositionChecker.parse(text), "gatehouse_model_requests_total", Map.of("model", model)))
                .isEqualTo(1);
    }

    @Test
    void anIdleGatewayStillExposesEveryFamily() {
        List<ExpositionChecker.Sample> samples = ExpositionChecker.parse(PrometheusRenderer.render(telemetry.snapshot()));

        assertThat(value(samples, "gatehouse_requests_total", Map.of())).isZero();
        assertThat(value(samples, "gatehouse_request_duration_seconds_bucket", Map.of("le", "+Inf"))).isZero();
        assertThat(samples).noneMatch(s -> s.name().startsWith("gatehouse_model_"));
    }

    @Test
    void theCheckerRefusesWhatPrometheusWould() {
        assertThatThrownBy(() -> ExpositionChecker.parse("x_total 1\n")).hasMessageContaining("no TYPE");
        assertThatThrownBy(() -> ExpositionChecker.parse("# TYPE x counter\nx{a=\"b\\q\"} 1\n"))
                .hasMessageContaining("bad labels");
        assertThatThrownBy(() -> ExpositionChecker.parse("# TYPE h histogram\nh_bucket{le=\"1\"} 2\n"
                + "h_bucket{le=\"+Inf\"} 1\nh_count 1\n")).hasMessageContaining("decrease");
    }
}
