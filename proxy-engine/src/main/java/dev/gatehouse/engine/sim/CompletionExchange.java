package dev.gatehouse.engine.sim;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One completion request from admission to its last byte: waits for a generation slot, then
 * answers after the base latency, or streams one SSE event per token. Runs on the channel's event
 * loop; only the admission callback may arrive on another thread, and it hops back at once.
 */
final class CompletionExchange implements Exchange {

    private final ChannelHandlerContext ctx;
    private final LlmBackendSimulator simulator;
    private final CompletionRequest request;
    private final boolean keepAlive;
    private final Runnable done;
    private final long receivedMillis;
    private final Runnable admitted = this::admitted;
    private boolean started;
    private boolean finished;
    private Future<?> pendingResponse;
    private ChunkEmitter emitter;

    CompletionExchange(ChannelHandlerContext ctx, LlmBackendSimulator simulator, CompletionRequest request,
            boolean keepAlive, Runnable done) {
        this.ctx = ctx;
        this.simulator = simulator;
        this.request = request;
        this.keepAlive = keepAlive;
        this.done = done;
        this.receivedMillis = simulator.options().clock().millis();
    }

    void start() {
        simulator.admission().submit(admitted);
    }

    private void admitted() {
        ctx.executor().execute(this::begin);
    }

    private void begin() {
        if (finished) {
            // Cancelled between admission and this hop: the slot was taken for us, give it back.
            simulator.admission().release();
            return;
        }
        started = true;
        String id = (request.chat() ? "chatcmpl-" : "cmpl-") + simulator.nextId();
        long created = simulator.options().clock().instant().getEpochSecond();
        CompletionJson json = new CompletionJson(request, id, created);
        List<String> tokens = TextGenerator.tokens(request.contentSeed(), request.completionTokens());
        simulator.stats().prompt(request.promptTokens());
        if (request.stream()) {
            stream(json, tokens);
        } else {
            long delay = simulator.options().baseLatency().toNanos();
            pendingResponse = ctx.executor().schedule(() -> respond(json, tokens), delay, TimeUnit.NANOSECONDS);
        }
    }

    private void respond(CompletionJson json, List<String> tokens) {
        pendingResponse = null;
        simulator.stats().firstToken(simulator.options().clock().millis() - receivedMillis);
        simulator.stats().generated(tokens.size());
        // Counted before the last bytes leave: a client holding the whole answer must see the count.
        simulator.stats().completed();
        Responses.json(ctx, keepAlive, HttpResponseStatus.OK, json.response(tokens));
        end(true);
    }

    private void stream(CompletionJson json, List<String> tokens) {
        int n = tokens.size();
        // Events: n tokens, the finish chunk, the usage chunk if asked for, then [DONE].
        int events = n + 1 + (request.includeUsage() ? 1 : 0) + 1;
        long ttft = simulator.options().timeToFirstToken().toNanos();
        long gap = simulator.options().interChunkDelay().toNanos();
        ctx.writeAndFlush(Responses.chunkedHead("text/event-stream", keepAlive));
        emitter = new ChunkEmitter(ctx, events, i -> {
            if (i < n) {
                return sse(json.tokenChunk(i, tokens.get(i)));
            } else if (i == n) {
                return sse(json.finishChunk());
            } else if (i == events - 1) {
                simulator.stats().completed();
                return "data: [DONE]\n\n";
            }
            return sse(json.usageChunk(n));
        }, i -> i == 0 ? ttft : i < n ? gap : 0, keepAlive, new ChunkEmitter.Listener() {
            @Override
            public void chunkWritten(int index) {
                if (index == 0) {
                    simulator.stats().firstToken(simulator.options().clock().millis() - receivedMillis);
                }
                if (index < n) {
                    simulator.stats().generated(1);
                }
            }

            @Override
            public void ended(boolean completed) {
                end(completed);
            }
        });
        emitter.start();
    }

    private static String sse(Object json) {
        return "data: " + new String(Responses.bytes(json), StandardCharsets.UTF_8) + "\n\n";
    }

    @Override
    public void writabilityChanged() {
        if (emitter != null) {
            emitter.writabilityChanged();
        }
    }

    @Override
    public void cancel() {
        if (finished) {
            return;
        }
        if (!started) {
            finished = true;
            // If it was no longer waiting, begin() is on its way and will release the slot.
            simulator.admission().cancel(admitted);
            return;
        }
        if (pendingResponse != null) {
            pendingResponse.cancel(false);
        }
        if (emitter != null) {
            emitter.cancel();
        }
        end(false);
    }

    private void end(boolean completed) {
        if (finished) {
            return;
        }
        finished = true;
        simulator.admission().release();
        if (completed) {
            done.run();
        }
    }
}
