package dev.gatehouse.engine.telemetry.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.health.EndpointHealth;
import dev.gatehouse.engine.testing.MutableClock;
import dev.gatehouse.engine.upstream.PoolBuilder;
import dev.gatehouse.engine.upstream.UpstreamPool;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BackendMetricsTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final BackendMetrics metrics = new BackendMetrics(clock);
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private static UpstreamPool pool(String name, Duration interval, EndpointConfig... endpoints) {
        return new PoolBuilder((p, e) -> EndpointHealth.alwaysHealthy())
                .build(new PoolConfig(name, null, List.of(endpoints), null, null, null, interval), null);
    }

    @Test
    void listsEveryConfiguredEndpointByPoolSayingWhichHaveNoMetrics() {
        metrics.track(List.of(
                pool("b", Duration.ofSeconds(5), new EndpointConfig("h1", 1, null, "http://h1:9400/metrics"),
                        EndpointConfig.of("h2", 2)),
                pool("a", Duration.ofSeconds(5), EndpointConfig.of("h3", 3))));

        BackendMetricsSnapshot snapshot = metrics.snapshot();

        assertThat(snapshot.takenAt()).isEqualTo(START);
        assertThat(snapshot.pools()).extracting(PoolBackends::pool).containsExactly("b", "a");
        assertThat(snapshot.pools().get(0).endpoints()).extracting(BackendSample::status)
                .containsExactly(ScrapeStatus.PENDING, ScrapeStatus.NO_METRICS);
        assertThat(snapshot.endpoint("a", "h3:3").orElseThrow().status()).isEqualTo(ScrapeStatus.NO_METRICS);
        assertThat(snapshot.endpoint("a", "h9:9")).isEmpty();
        assertThat(snapshot.localGpus().status()).isEqualTo(LocalGpuStatus.PENDING);
    }

    @Test
    void aReadingTurnsStaleAfterThreeOfItsPoolsIntervals() {
        metrics.track(List.of(pool("p", Duration.ofSeconds(2), new EndpointConfig("h", 1, null, "http://h/metrics"))));
        BackendReading reading = MetricsInterpreter.interpret(PromTextParser.parse(Pages.read("sglang.txt")));
        metrics.update("p", "h:1", s -> s.succeeded(reading, 0, clock.instant()));

        clock.advance(Duration.ofSeconds(6));
        assertThat(metrics.snapshot().endpoint("p", "h:1").orElseThrow().stale()).isFalse();

        clock.advance(Duration.ofMillis(1));
        assertThat(metrics.snapshot().endpoint("p", "h:1").orElseThrow().stale()).isTrue();
    }

    @Test
    void updatesForEndpointsNoLongerConfiguredAreDropped() {
        metrics.track(List.of(pool("p", null, new EndpointConfig("h", 1, null, "http://h/metrics"))));
        metrics.track(List.of(pool("p", null, EndpointConfig.of("other", 1))));

        BackendSample result = metrics.update("p", "h:1", s -> s.failed("late", 0, clock.instant()));

        assertThat(result).isNull();
        assertThat(metrics.snapshot().pools().get(0).endpoints()).extracting(BackendSample::endpoint)
                .containsExactly("other:1");
    }

    @Test
    void theSnapshotSerialisesToJsonWithUnknownFiguresAsNull() throws Exception {
        metrics.track(List.of(pool("gpu", null, new EndpointConfig("h", 1, null, "http://h/metrics"),
                EndpointConfig.of("plain", 2))));
        BackendReading reading = MetricsInterpreter.interpret(PromTextParser.parse(Pages.read("dcgm-exporter.txt")));
        metrics.update("gpu", "h:1", s -> s.succeeded(reading, 1, clock.instant()));
        metrics.updateLocalGpus(LocalGpuReport.notPresent(START));

        JsonNode tree = json.readTree(json.writeValueAsString(metrics.snapshot()));

        JsonNode scraped = tree.at("/pools/0/endpoints/0");
        assertThat(scraped.get("status").asText()).isEqualTo("OK");
        assertThat(scraped.get("lastSuccessAt").asText()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(scraped.at("/reading/kinds").toString()).isEqualTo("[\"DCGM\"]");
        assertThat(scraped.at("/reading/gpus/1/utilPercent").asDouble()).isEqualTo(91.0);
        assertThat(scraped.at("/reading/gpuSummary/memoryTotalMib").asDouble()).isEqualTo(162218.0);
        assertThat(scraped.at("/reading/runningRequests").isNull()).isTrue();
        assertThat(scraped.get("skippedLines").asInt()).isEqualTo(1);
        JsonNode plain = tree.at("/pools/0/endpoints/1");
        assertThat(plain.get("status").asText()).isEqualTo("NO_METRICS");
        assertThat(plain.get("reading").isNull()).isTrue();
        assertThat(tree.at("/localGpus/status").asText()).isEqualTo("NOT_PRESENT");
    }
}
