package dev.gatehouse.engine.ai.usage;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Follows one streamed completion response on its way to the client: forwards its bytes, learns
 * the model, usage and time to first token, and hides the usage-only chunk the gateway asked the
 * upstream for on the client's behalf (see {@link RequestUsage#ensureIncludeUsage}).
 *
 * <p>Forwarded bytes are the upstream's bytes unchanged, whole events at a time: an event split
 * across reads is held until it is complete, so that the usage-only event can be dropped whole.
 * Should one event outgrow the parser's limit, the tracker stops looking and forwards everything
 * from then on untouched; its usage is then estimated from what it saw. One instance per exchange,
 * used from one thread (the channel's event loop).
 */
public final class StreamUsageTracker {

    private final boolean clientAskedForUsage;
    private final long estimatedPromptTokens;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final SseParser parser;
    private final TokenEstimator generated = new TokenEstimator();
    private String model;
    private TokenUsage reported;
    private Long firstTokenNanos;
    private boolean endedWithDone;
    private int malformedChunks;
    private boolean passthrough;

    /**
     * Create it when the request is forwarded upstream: time to first token counts from here.
     *
     * @param clientAskedForUsage   false to remove the usage-only chunk from what the client gets
     * @param estimatedPromptTokens used as input tokens if the upstream reports no usage
     * @param nanoClock             a monotonic clock such as {@code System::nanoTime}
     */
    public StreamUsageTracker(boolean clientAskedForUsage, long estimatedPromptTokens, LongSupplier nanoClock) {
        this(clientAskedForUsage, estimatedPromptTokens, nanoClock, SseParser.DEFAULT_MAX_EVENT_BYTES);
    }

    public StreamUsageTracker(boolean clientAskedForUsage, long estimatedPromptTokens, LongSupplier nanoClock,
            int maxEventBytes) {
        if (estimatedPromptTokens < 0) {
            throw new IllegalArgumentException("estimatedPromptTokens: " + estimatedPromptTokens + " (expected >= 0)");
        }
        this.clientAskedForUsage = clientAskedForUsage;
        this.estimatedPromptTokens = estimatedPromptTokens;
        this.nanoClock = requireNonNull(nanoClock, "nanoClock");
        this.parser = new SseParser(maxEventBytes);
        this.startNanos = nanoClock.getAsLong();
    }

    /** Takes the next slice of the upstream body; returns the byte arrays to forward, in order. */
    public List<byte[]> onBytes(byte[] bytes, int offset, int length) {
        List<byte[]> forward = new ArrayList<>(2);
        if (passthrough) {
            forward.add(Arrays.copyOfRange(bytes, offset, offset + length));
            return forward;
        }
        try {
            parser.feed(bytes, offset, length, event -> accept(event, forward));
        } catch (SseEventTooLargeException tooLarge) {
            giveUp(forward);
        }
        return forward;
    }

    /**
     * {@link #onBytes(byte[], int, int)} for a buffer's readable bytes, which it neither consumes
     * nor releases; the returned buffer (possibly empty) belongs to the caller, who releases it.
     */
    public ByteBuf onBytes(ByteBuf content) {
        if (passthrough) {
            return content.retainedSlice();
        }
        List<byte[]> forward = new ArrayList<>(2);
        try {
            parser.feed(content, event -> accept(event, forward));
        } catch (SseEventTooLargeException tooLarge) {
            giveUp(forward);
        }
        return Unpooled.wrappedBuffer(forward.toArray(byte[][]::new));
    }

    /**
     * The upstream body ended: returns what is still held back to forward it unchanged, that is an
     * event the upstream never terminated with a blank line (WHATWG parsing would discard it).
     */
    public List<byte[]> onUpstreamEnd() {
        List<byte[]> forward = new ArrayList<>(2);
        byte[] tail = parser.finish(event -> accept(event, forward));
        if (tail.length > 0) {
            forward.add(tail);
        }
        return forward;
    }

    /**
     * The usage of the exchange so far: the upstream's last reported usage, or when it reported
     * none an estimate from the prompt estimate and the generated text seen. Callable at any time,
     * also when the exchange ended early.
     */
    public TokenUsage onEnd() {
        if (reported != null) {
            String named = reported.model() != null ? reported.model() : model;
            return new TokenUsage(named, reported.inputTokens(), reported.outputTokens(), reported.totalTokens(),
                    false, firstTokenNanos);
        }
        long output = generated.tokens();
        return new TokenUsage(model, estimatedPromptTokens, output, estimatedPromptTokens + output, true,
                firstTokenNanos);
    }

    /** Whether the last payload was {@code [DONE]}: false means the stream was cut short. */
    public boolean endedWithDone() {
        return endedWithDone;
    }

    /** How many payloads were neither JSON objects nor {@code [DONE]}; they were forwarded as they were. */
    public int malformedChunks() {
        return malformedChunks;
    }

    /** Whether an oversized event made the tracker stop parsing and forward the rest untouched. */
    public boolean passthrough() {
        return passthrough;
    }

    private void accept(SseEvent event, List<byte[]> forward) {
        if (event.dispatched()) {
            StreamChunk chunk = UsageExtractor.chunk(event.data());
            record(chunk);
            if (chunk.usageOnly() && !clientAskedForUsage) {
                return;
            }
        }
        forward.add(event.raw());
    }

    private void record(StreamChunk chunk) {
        endedWithDone = chunk.done();
        if (chunk.malformed()) {
            malformedChunks++;
            return;
        }
        if (model == null) {
            model = chunk.model();
        }
        if (chunk.usage() != null) {
            // vLLM's continuous_usage_stats sends running totals on every chunk: the last one wins.
            reported = chunk.usage();
        }
        if (!chunk.text().isEmpty()) {
            if (firstTokenNanos == null) {
                firstTokenNanos = Math.max(0, nanoClock.getAsLong() - startNanos);
            }
            generated.add(chunk.text());
        }
    }

    private void giveUp(List<byte[]> forward) {
        passthrough = true;
        byte[] held = parser.finish(event -> { });
        if (held.length > 0) {
            forward.add(held);
        }
    }
}
