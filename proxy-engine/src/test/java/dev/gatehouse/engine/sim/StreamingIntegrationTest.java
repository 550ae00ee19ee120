package dev.gatehouse.engine.sim;

import static dev.gatehouse.engine.sim.SimHttp.chatBody;
import static dev.gatehouse.engine.sim.SimHttp.chatRequest;
import static dev.gatehouse.engine.sim.SimHttp.json;
import static dev.gatehouse.engine.sim.SimHttp.timedLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.sim.SimHttp.TimedLine;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamingIntegrationTest {

    private LlmBackendSimulator sim;

    @AfterEach
    void stop() {
        sim.close();
    }

    private void start(SimulatorOptions.Builder options) {
        sim = new LlmBackendSimulator(options.models("llama-3-8b").build()).start();
    }

    @Test
    void tokensArriveAsSeparateSseEventsSpacedByTheDecodeRate() {
        start(SimulatorOptions.builder().tokensPerSecond(20).timeToFirstToken(Duration.ofMillis(100)));
        int n = 10;

        long sent = System.nanoTime();
        List<TimedLine> lines = timedLines(chatRequest(sim, chatBody("llama-3-8b", "Hi", "\"stream\":true,\"max_tokens\":" + n)));

        assertThat(lines).allSatisfy(line -> assertThat(line.text()).startsWith("data: "));
        assertThat(lines).hasSize(n + 2);
        List<JsonNode> tokens = lines.subList(0, n).stream().map(l -> json(l.text().substring(6))).toList();
        assertThat(tokens.get(0).path("choices").get(0).path("delta").path("role").asText()).isEqualTo("assistant");
        assertThat(tokens).allSatisfy(chunk -> {
            assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.path("choices").get(0).path("delta").path("content").asText()).isNotEmpty();
        });
        assertThat(TimeUnit.NANOSECONDS.toMillis(lines.get(0).nanos() - sent)).isGreaterThanOrEqualTo(80);
        long spreadMillis = TimeUnit.NANOSECONDS.toMillis(lines.get(n - 1).nanos() - lines.get(0).nanos());
        assertThat(spreadMillis).isGreaterThanOrEqualTo((long) ((n - 1) * 50 * 0.8));
        JsonNode finish = json(lines.get(n).text().substring(6));
        assertThat(finish.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(lines.get(n + 1).text()).isEqualTo("data: [DONE]");
        assertThat(tokens).noneSatisfy(chunk -> assertThat(chunk.has("usage")).isTrue());
    }

    @Test
    void usageChunkWithoutChoicesComesBeforeDoneOnlyWhenIncludeUsageIsSet() {
        start(SimulatorOptions.builder().tokensPerSecond(1000).timeToFirstToken(Duration.ZERO));
        String options = "\"stream\":true,\"max_tokens\":4,\"stream_options\":{\"include_usage\":true}";

        List<TimedLine> lines = timedLines(chatRequest(sim, chatBody("llama-3-8b", "Hi", options)));

        assertThat(lines).hasSize(4 + 3);
        assertThat(lines.get(6).text()).isEqualTo("data: [DONE]");
        JsonNode usageChunk = json(lines.get(5).text().substring(6));
        assertThat(usageChunk.path("choices")).isEmpty();
        JsonNode usage = usageChunk.path("usage");
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(4);
        assertThat(usage.path("total_tokens").asInt()).isEqualTo(usage.path("prompt_tokens").asInt() + 4);
        assertThat(json(lines.get(0).text().substring(6)).path("usage").isNull()).isTrue();
    }

    @Test
    void streamedContentEqualsTheNonStreamedAnswer() {
        start(SimulatorOptions.builder().tokensPerSecond(1000).timeToFirstToken(Duration.ZERO).baseLatency(Duration.ZERO));
        String prompt = "Explain KV caches";

        String whole = json(SimHttp.post(sim, "/v1/chat/completions", chatBody("llama-3-8b", prompt, "")).body())
                .path("choices").get(0).path("message").path("content").asText();
        StringBuilder streamed = new StringBuilder();
        timedLines(chatRequest(sim, chatBody("llama-3-8b", prompt, "\"stream\":true"))).stream()
                .filter(l -> !l.text().equals("data: [DONE]"))
                .map(l -> json(l.text().substring(6)).path("choices").get(0).path("delta").path("content").asText(""))
                .forEach(streamed::append);

        assertThat(streamed.toString()).isEqualTo(whole);
    }

    @Test
    void requestsBeyondMaxNumSeqsWaitForAFreeSlot() {
        start(SimulatorOptions.builder().maxNumSeqs(1).tokensPerSecond(20).timeToFirstToken(Duration.ofMillis(50)));
        String body = chatBody("llama-3-8b", "Hi", "\"stream\":true,\"max_tokens\":10");

        CompletableFuture<List<TimedLine>> first = CompletableFuture.supplyAsync(() -> timedLines(chatRequest(sim, body)));
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.runningRequests() == 1);
        long secondSentAt = System.nanoTime();
        CompletableFuture<List<TimedLine>> second = CompletableFuture.supplyAsync(() -> timedLines(chatRequest(sim, body)));
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.waitingRequests() == 1);

        first.join();
        List<TimedLine> secondLines = second.join();
        // The second waits for the first's remaining tokens (10 at 20/s = 500 ms) before its own first
        // token. Compared with its own send time: a slow reader thread can only make this larger.
        assertThat(Duration.ofNanos(secondLines.get(0).nanos() - secondSentAt)).isGreaterThan(Duration.ofMillis(300));
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.runningRequests() == 0 && sim.waitingRequests() == 0);
        assertThat(sim.stats().requestsCompleted()).isEqualTo(2);
    }

    @Test
    void clientDisconnectMidStreamFreesTheSlot() {
        start(SimulatorOptions.builder().tokensPerSecond(5).timeToFirstToken(Duration.ZERO));
        var request = chatRequest(sim, chatBody("llama-3-8b", "Hi", "\"stream\":true,\"max_tokens\":100"));

        CompletableFuture<HttpResponse<java.io.InputStream>> response =
                SimHttp.CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.stats().generationTokens() >= 1);
        assertThat(sim.runningRequests()).isEqualTo(1);
        response.thenAccept(r -> {
            try {
                r.body().close();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).join();

        await().atMost(Duration.ofSeconds(5)).until(() -> sim.runningRequests() == 0);
        assertThat(sim.stats().requestsCompleted()).isZero();
    }
}
