package dev.gatehouse.ui.logs;

import dev.gatehouse.engine.accesslog.AccessRecord;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the detail pane shows of a record: the curl command, the waterfall, the fields. */
class RecordDetailTest {

    private final AccessRecord record = SampleRecords.record(7, Instant.parse("2026-11-25T10:00:00Z"), new SplittableRandom(1));

    @Test
    void curlRepeatsTheRequestWithoutAnyCredential() {
        AccessRecord withKey = withPath("/v1/chat/completions?api_key=sk-secret&stream=true&Token=t0k");

        String curl = CurlCommand.of(withKey);

        assertThat(curl).startsWith("curl -X POST 'http://gateway.example.com/v1/chat/completions?stream=true'")
                .contains("-H 'User-Agent: OpenAI/Python 1.52.0'")
                .contains("-d '{\"model\": \"" + record.model() + "\"}'")
                .doesNotContainIgnoringCase("authorization").doesNotContain("sk-secret").doesNotContain("t0k");
    }

    @Test
    void aQuoteInThePathCannotBreakOutOfTheShellWord() {
        assertThat(CurlCommand.of(withPath("/v1/x?q=it's"))).contains("'http://gateway.example.com/v1/x?q=it'\\''s'");
    }

    @Test
    void theWaterfallPlacesEachStepOnTheRequestsTimeline() {
        AccessRecord stream = timed(1_000_000_000, 20_000_000, 300_000_000, 350_000_000, 600_000_000);

        assertThat(WaterfallStep.of(stream)).containsExactly(
                new WaterfallStep("request read", 0, 20_000_000),
                new WaterfallStep("upstream", 20_000_000, 320_000_000),
                new WaterfallStep("first token", 0, 350_000_000),
                new WaterfallStep("response", 400_000_000, 1_000_000_000),
                new WaterfallStep("total", 0, 1_000_000_000));
    }

    @Test
    void stepsARecordHasNoTimingForAreLeftOutAndNoneRunsPastTheEnd() {
        AccessRecord refused = timed(5_000_000, 9_000_000, -1, -1, -1);

        assertThat(WaterfallStep.of(refused)).containsExactly(new WaterfallStep("request read", 0, 5_000_000),
                new WaterfallStep("total", 0, 5_000_000));
    }

    @Test
    void everySeed003FieldIsListedWithTheAiLogGroupLast() {
        var fields = RecordField.of(record);

        assertThat(fields).hasSize(38);
        assertThat(fields).filteredOn(f -> f.group().equals("ai_log")).extracting(RecordField::name).containsExactly(
                "api", "model", "consumer", "input_token", "output_token", "tokens_estimated",
                "llm_first_token_duration", "llm_service_duration", "response_type", "cache_status", "fallback_from",
                "safecheck_status", "token_ratelimit_status");
        assertThat(fields).contains(new RecordField("request", "request_id", "req-7"),
                new RecordField("request", "x_forwarded_for", RecordField.NONE));
    }

    private AccessRecord timed(long total, long read, long upstream, long firstToken, long tx) {
        AccessRecord r = record;
        return new AccessRecord(r.requestId(), r.traceId(), r.startTime(), r.method(), r.path(), r.authority(),
                r.clientIp(), r.userAgent(), r.route(), r.upstreamCluster(), r.upstreamHost(), r.responseCode(),
                r.responseCodeDetails(), total, upstream, r.bytesReceived(), r.bytesSent(), r.api(), r.model(),
                r.consumer(), r.inputTokens(), r.outputTokens(), r.tokensEstimated(), firstToken, total,
                r.responseType(), r.cacheStatus(), r.fallbackFrom(), r.safecheckStatus(), r.tokenRatelimitStatus(),
                r.protocol(), read, tx, null, null, null, null, null);
    }

    private AccessRecord withPath(String path) {
        AccessRecord r = record;
        return new AccessRecord(r.requestId(), r.traceId(), r.startTime(), r.method(), path, r.authority(), r.clientIp(),
                r.userAgent(), r.route(), r.upstreamCluster(), r.upstreamHost(), r.responseCode(),
                r.responseCodeDetails(), r.durationNanos(), r.upstreamServiceNanos(), r.bytesReceived(), r.bytesSent(),
                r.api(), r.model(), r.consumer(), r.inputTokens(), r.outputTokens(), r.tokensEstimated(),
                r.firstTokenNanos(), r.serviceNanos(), r.responseType(), r.cacheStatus(), r.fallbackFrom(),
                r.safecheckStatus(), r.tokenRatelimitStatus());
    }
}
