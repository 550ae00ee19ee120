package dev.gatehouse.engine.telemetry;

import dev.gatehouse.engine.accesslog.AccessRecord;
import dev.gatehouse.engine.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.gatehouse.engine.telemetry.TestRecords.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

class TelemetryTest {

    private final MutableClock clock = new MutableClock("2026-11-25T12:00:00Z");
    private final Telemetry telemetry = new Telemetry(clock);

    @Test
    void figuresPerDimensionAddUpTheRecordsSent() {
        telemetry.accept(request().tokens(10, 5).build());
        telemetry.accept(request().tokens(7, 3).cache("miss").build());
        telemetry.accept(request().tokens(7, 0).cache("hit").upstreamMillis(-1).build());
        telemetry.accept(request().model("llama").consumer("bob").route("chat-llama").pool("gpu-b")
                .endpoint("10.0.0.2:8000").status(503, "via_upstream").tokens(4, 0).build());
        telemetry.accept(request().consumer("bob").pool(null).endpoint(null).upstreamMillis(-1)
                .status(429, "rate_limit_exceeded").tokens(0, 0).build());
        telemetry.accept(request().pool("gpu-b").endpoint("10.0.0.2:8000").fallbackFrom("gpu-a").tokens(6, 2).build());

        MetricsSnapshot snapshot = telemetry.snapshot();
        KeyFigures total = snapshot.total();
        assertThat(total.requests()).isEqualTo(6);
        assertThat(total.inputTokens()).isEqualTo(34);
        assertThat(total.outputTokens()).isEqualTo(10);
        assertThat(total.responses()).containsEntry("2xx", 4L).containsEntry("4xx", 1L).containsEntry("5xx", 1L);
        assertThat(total.errors()).isEqualTo(2);
        assertThat(total.gatewayErrors()).as("the upstream's 503 is not the gateway's").containsExactly(
                Map.entry("rate_limit_exceeded", 1L));
        assertThat(total.rateLimited()).isEqualTo(1);
        assertThat(total.cacheLookups()).isEqualTo(2);
        assertThat(total.cacheHits()).isEqualTo(1);
        assertThat(total.fallbacks()).isEqualTo(1);
        assertThat(total.latency().count()).isEqualTo(6);
        assertThat(total.upstream().count()).as("only requests that reached an upstream").isEqualTo(4);

        assertThat(snapshot.models().keySet()).containsExactly("llama", "qwen");
        assertThat(snapshot.models().get("qwen").requests()).isEqualTo(5);
        assertThat(snapshot.models().get("llama").responses("5xx")).isEqualTo(1);
        assertThat(snapshot.consumers().get("bob").requests()).isEqualTo(2);
        assertThat(snapshot.consumers().get("bob").rateLimited()).isEqualTo(1);
        assertThat(snapshot.pools().keySet()).as("a refused request reached no pool").containsExactly("gpu-a", "gpu-b");
        assertThat(snapshot.pools().get("gpu-b").requests()).isEqualTo(2);
        assertThat(snapshot.pools().get("gpu-b").fallbacks()).isEqualTo(1);
        assertThat(snapshot.endpoints().get("10.0.0.1:8000").inputTokens()).isEqualTo(24);
        assertThat(snapshot.routes().get("chat").requests()).isEqualTo(5);
        assertThat(snapshot.takenAt()).isEqualTo(clock.instant());
    }

    @Test
    void aPlainProxiedRequestCountsInTotalButUnderNoModelOrConsumer() {
        telemetry.accept(request().model(null).consumer(null).tokens(0, 0).build());

        MetricsSnapshot snapshot = telemetry.snapshot();
        assertThat(snapshot.total().requests()).isEqualTo(1);
        assertThat(snapshot.routes()).containsKey("chat");
        assertThat(snapshot.models()).isEmpty();
        assertThat(snapshot.consumers()).isEmpty();
    }

    @Test
    void namesClientsChooseAreBoundedAndTheRestCountAsOther() {
        Telemetry bounded = new Telemetry(clock, 3, 2);
        for (int i = 0; i < 10; i++) {
            bounded.accept(request().model("model-" + i).build());
        }

        Map<String, KeyFigures> models = bounded.snapshot().models();
        assertThat(models).hasSize(4).containsKey("other");
        assertThat(models.get("other").requests()).isEqualTo(7);
        assertThat(models.values().stream().mapToLong(KeyFigures::requests).sum()).isEqualTo(10);
    }

    @Test
    void percentilesFollowTheDurations() {
        for (int millis = 1; millis <= 1000; millis++) {
            telemetry.accept(request().durationMillis(millis).firstTokenMillis(millis / 10).build());
        }

        Distribution latency = telemetry.snapshot().total().latency();
        assertThat(latency.p50Nanos() / 1e6).isCloseTo(500, withinPercentage(5));
        assertThat(latency.p90Nanos() / 1e6).isCloseTo(900, withinPercentage(5));
        assertThat(latency.p99Nanos() / 1e6).isCloseTo(990, withinPercentage(5));
        assertThat(latency.p999Nanos() / 1e6).isCloseTo(999, withinPercentage(5));
        assertThat(latency.sumNanos()).isEqualTo(500_500L * 1_000_000);
        assertThat(telemetry.snapshot().total().firstToken().p50Nanos() / 1e6).isCloseTo(50, withinPercentage(10));
    }

    @Test
    void recordsFromTwoEventLoopsAtOnceAreAllCounted() throws Exception {
        int perThread = 50_000;
        List<Thread> threads = new ArrayList<>();
        for (String consumer : List.of("alice", "bob")) {
            AccessRecord record = request().consumer(consumer).tokens(3, 2).build();
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < perThread; i++) {
                    telemetry.accept(record);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        MetricsSnapshot snapshot = telemetry.snapshot();
        assertThat(snapshot.total().requests()).isEqualTo(2L * perThread);
        assertThat(snapshot.total().inputTokens()).isEqualTo(6L * perThread);
        assertThat(snapshot.total().latency().count()).isEqualTo(2L * perThread);
        assertThat(snapshot.consumers().get("alice").requests()).isEqualTo(perThread);
        assertThat(snapshot.models().get("qwen").outputTokens()).isEqualTo(4L * perThread);
    }

    @Test
    void gaugesFollowConnectionsAndStreams() {
        telemetry.connectionOpened();
        telemetry.connectionOpened();
        telemetry.connectionOpened();
        telemetry.connectionClosed();
        telemetry.streamStarted();

        MetricsSnapshot snapshot = telemetry.snapshot();
        assertThat(snapshot.activeConnections()).isEqualTo(2);
        assertThat(snapshot.activeStreams()).isEqualTo(1);
    }
}
