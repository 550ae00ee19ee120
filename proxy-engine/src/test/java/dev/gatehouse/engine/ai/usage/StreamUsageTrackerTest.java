package dev.gatehouse.engine.ai.usage;

import static dev.gatehouse.engine.ai.usage.Streams.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

class StreamUsageTrackerTest {

    private static final long PROMPT_ESTIMATE = 30;

    private final AtomicLong clock = new AtomicLong(1_000);

    @Test
    void clientThatAskedForUsageGetsTheStreamByteForByteWhereverItIsSplit() {
        String stream = Streams.vllmChat(true);

        forEverySplit(stream, true, (forwarded, usage) -> {
            assertThat(forwarded).isEqualTo(stream);
            assertThat(usage).isEqualTo(new TokenUsage(Streams.MODEL, 21, 6, 27, false, 0L));
        });
    }

    @Test
    void usageChunkIsRemovedWhenTheClientDidNotAskAndDoneIsStillForwarded() {
        String stream = Streams.vllmChat(true);

        forEverySplit(stream, false, (forwarded, usage) -> {
            assertThat(forwarded).isEqualTo(Streams.vllmChat(false)).endsWith(Streams.FINISH + Streams.DONE);
            assertThat(usage).isEqualTo(new TokenUsage(Streams.MODEL, 21, 6, 27, false, 0L));
        });
    }

    @ParameterizedTest(name = "client asked for usage: {0}")
    @ValueSource(booleans = {true, false})
    void withoutUsageChunkTheUsageIsEstimatedFromContentAndPromptEstimate(boolean clientAsked) {
        StreamUsageTracker tracker = tracker(clientAsked);

        String forwarded = feed(tracker, Streams.vllmChat(false));

        assertThat(forwarded).isEqualTo(Streams.vllmChat(false));
        assertThat(tracker.onEnd()).isEqualTo(new TokenUsage(Streams.MODEL, PROMPT_ESTIMATE,
                Streams.ESTIMATED_CONTENT_TOKENS, PROMPT_ESTIMATE + Streams.ESTIMATED_CONTENT_TOKENS, true, 0L));
        assertThat(tracker.endedWithDone()).isTrue();
    }

    @Test
    void timeToFirstTokenIsTakenAtTheFirstChunkWithContentNotTheRoleChunk() {
        StreamUsageTracker tracker = tracker(false);   // created at 1 000 ns

        clock.set(5_000);
        feed(tracker, Streams.ROLE);
        assertThat(tracker.onEnd().firstTokenNanos()).isNull();
        clock.set(9_000);
        feed(tracker, Streams.BONJOUR);
        clock.set(20_000);
        feed(tracker, Streams.A_VOUS + Streams.USAGE + Streams.DONE);

        assertThat(tracker.onEnd().firstTokenNanos()).isEqualTo(8_000L);
    }

    @Test
    void completionsStreamTextCountsAsOutput() {
        StreamUsageTracker tracker = tracker(false);
        clock.set(4_000);

        feed(tracker, Streams.event("{\"object\":\"text_completion\",\"model\":\"m\",\"choices\":[{\"index\":0,\"text\":\"abcdefgh\"}]}")
                + Streams.DONE);

        assertThat(tracker.onEnd()).isEqualTo(new TokenUsage("m", PROMPT_ESTIMATE, 2, PROMPT_ESTIMATE + 2, true, 3_000L));
    }

    @Test
    void malformedPayloadsAreCountedAndForwardedWhileTheRestIsStillTracked() {
        String stream = Streams.ROLE + "data: {\"choices\":[{\"delta\":{\"content\":\"x\n\n" + Streams.BONJOUR
                + "data: [1,2]\n\n" + ": comment\n\n" + Streams.USAGE + Streams.DONE;
        StreamUsageTracker tracker = tracker(true);

        String forwarded = feed(tracker, stream);

        assertThat(forwarded).isEqualTo(stream);
        assertThat(tracker.malformedChunks()).isEqualTo(2);
        assertThat(tracker.onEnd()).isEqualTo(new TokenUsage(Streams.MODEL, 21, 6, 27, false, 0L));
    }

    @Test
    void streamCutShortForwardsItsUnterminatedTailAndDidNotEndWithDone() {
        String cut = Streams.ROLE + Streams.BONJOUR + "data: {\"choi";
        StreamUsageTracker tracker = tracker(false);

        String forwarded = feed(tracker, cut);
        String tail = utf8(Streams.concat(tracker.onUpstreamEnd()));

        assertThat(forwarded).isEqualTo(Streams.ROLE + Streams.BONJOUR);
        assertThat(tail).isEqualTo("data: {\"choi");
        assertThat(tracker.endedWithDone()).isFalse();
        assertThat(tracker.onEnd().estimated()).isTrue();
    }

    @Test
    void oversizedEventTurnsTheTrackerIntoAByteExactPassThrough() {
        String huge = Streams.content("x".repeat(600));
        String stream = Streams.BONJOUR + huge + Streams.USAGE + Streams.DONE;
        StreamUsageTracker tracker = new StreamUsageTracker(false, PROMPT_ESTIMATE, clock::get, 512);
        byte[] bytes = utf8(stream);
        List<byte[]> forwarded = new ArrayList<>();

        for (int at = 0; at < bytes.length; at += 100) {
            forwarded.addAll(tracker.onBytes(bytes, at, Math.min(100, bytes.length - at)));
        }
        forwarded.addAll(tracker.onUpstreamEnd());

        assertThat(utf8(Streams.concat(forwarded))).isEqualTo(stream);
        assertThat(tracker.passthrough()).isTrue();
        assertThat(tracker.onEnd().estimated()).isTrue();
        assertThat(tracker.onEnd().outputTokens()).isEqualTo(2);   // "Bonjour", seen before giving up
    }

    @Test
    void byteBufInputIsLeftToTheCallerAndTheForwardedBufferHoldsTheFilteredBytes() {
        StreamUsageTracker tracker = tracker(false);
        ByteBuf in = PooledByteBufAllocator.DEFAULT.directBuffer();
        ByteBuf out = null;
        try {
            in.writeBytes(utf8(Streams.BONJOUR + Streams.USAGE + Streams.DONE));

            out = tracker.onBytes(in);

            assertThat(in.refCnt()).isEqualTo(1);
            assertThat(in.readerIndex()).isZero();
            assertThat(utf8(ByteBufUtil.getBytes(out))).isEqualTo(Streams.BONJOUR + Streams.DONE);
        } finally {
            in.release();
            if (out != null) {
                out.release();
            }
        }
    }

    private StreamUsageTracker tracker(boolean clientAskedForUsage) {
        return new StreamUsageTracker(clientAskedForUsage, PROMPT_ESTIMATE, clock::get);
    }

    private static String feed(StreamUsageTracker tracker, String text) {
        byte[] bytes = utf8(text);
        return utf8(Streams.concat(tracker.onBytes(bytes, 0, bytes.length)));
    }

    /**
     * Runs the stream through a fresh tracker cut once at every position, then one byte at a time
     * (cutting everywhere at once); the clock stands still.
     */
    private void forEverySplit(String stream, boolean clientAsked, SplitCheck check) {
        byte[] bytes = utf8(stream);
        for (int cut = 0; cut <= bytes.length + 1; cut++) {
            StreamUsageTracker tracker = tracker(clientAsked);
            List<byte[]> forwarded = new ArrayList<>();
            if (cut <= bytes.length) {
                forwarded.addAll(tracker.onBytes(bytes, 0, cut));
                forwarded.addAll(tracker.onBytes(bytes, cut, bytes.length - cut));
            } else {
                for (int at = 0; at < bytes.length; at++) {
                    forwarded.addAll(tracker.onBytes(bytes, at, 1));
                }
            }
            forwarded.addAll(tracker.onUpstreamEnd());
            try {
                check.verify(utf8(Streams.concat(forwarded)), tracker.onEnd());
            } catch (AssertionError failure) {
                String how = cut <= bytes.length ? "cut at " + cut : "byte by byte";
                throw new AssertionError(how + ": " + failure.getMessage(), failure);
            }
        }
    }

    private interface SplitCheck {
        void verify(String forwarded, TokenUsage usage);
    }
}
