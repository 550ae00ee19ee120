package dev.gatehouse.engine.sim;

import static dev.gatehouse.engine.sim.SimHttp.json;
import static dev.gatehouse.engine.sim.SimHttp.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.sim.SimHttp.TimedLine;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UtilityEndpointsIntegrationTest {

    private static LlmBackendSimulator sim;

    @BeforeAll
    static void start() {
        sim = new LlmBackendSimulator(SimulatorOptions.builder().build()).start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void echoReflectsMethodUriHeadersAndBodyLength() {
        HttpResponse<String> response = SimHttp.send(request(sim, "/echo/a/b?x=1")
                .header("X-Forwarded-For", "10.0.0.7")
                .header("X-Request-Id", "req-42")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .PUT(HttpRequest.BodyPublishers.ofString("hello"))
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode echo = json(response.body());
        assertThat(echo.path("method").asText()).isEqualTo("PUT");
        assertThat(echo.path("uri").asText()).isEqualTo("/echo/a/b?x=1");
        assertThat(echo.path("bodyLength").asInt()).isEqualTo(5);
        JsonNode headers = echo.path("headers");
        assertThat(headers.path("x-forwarded-for").asText()).isEqualTo("10.0.0.7");
        assertThat(headers.path("x-request-id").asText()).isEqualTo("req-42");
        assertThat(headers.path("traceparent").asText()).startsWith("00-4bf92f");
    }

    @ParameterizedTest
    @CsvSource({"0, application/octet-stream", "5, application/octet-stream", "11, application/json",
        "1000, application/json", "300000, application/json"})
    void bytesAnswersExactlyNBytes(int n, String contentType) {
        HttpResponse<String> response = SimHttp.get(sim, "/bytes/" + n);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).hasSize(n);
        assertThat(response.headers().firstValue("content-type")).hasValue(contentType);
        if (contentType.equals("application/json")) {
            assertThat(json(response.body()).path("data").asText()).hasSize(n - 11);
        }
    }

    @Test
    void plainStreamSendsNChunksSpacedByTheInterval() {
        long sent = System.nanoTime();
        List<TimedLine> lines = SimHttp.timedLines(request(sim, "/stream/5?interval_ms=60").GET().build());

        assertThat(lines).extracting(TimedLine::text)
                .containsExactly("chunk 0", "chunk 1", "chunk 2", "chunk 3", "chunk 4");
        assertThat(TimeUnit.NANOSECONDS.toMillis(lines.get(4).nanos() - lines.get(0).nanos()))
                .isGreaterThanOrEqualTo((long) (4 * 60 * 0.8));
        assertThat(lines.get(0).nanos()).isGreaterThan(sent);
    }

    @Test
    void streamIsServerSentEventsWhenTheClientAcceptsThem() {
        HttpResponse<String> response = SimHttp.send(request(sim, "/stream/3?size=64")
                .header("Accept", "text/event-stream").GET().build());

        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
        assertThat(response.headers().firstValue("transfer-encoding")).hasValue("chunked");
        String[] events = response.body().split("\n\n");
        assertThat(events).hasSize(3);
        assertThat(events[2]).startsWith("id: 2\ndata: chunk 2");
        assertThat(events[0].length() + 2).isEqualTo(64);
    }

    @Test
    void badStreamCountIs400() {
        assertThat(SimHttp.get(sim, "/stream/lots").statusCode()).isEqualTo(400);
        assertThat(SimHttp.get(sim, "/bytes/-1").statusCode()).isEqualTo(400);
    }
}
