package dev.gatehouse.engine.sim;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

/**
 * Writes a response body as timed HTTP chunks, each flushed on its own so that a proxy's
 * chunk-by-chunk forwarding shows. Delays run on the channel's event loop ({@code schedule}),
 * never by sleeping; while the channel is not writable it pauses and resumes from
 * {@link #writabilityChanged()}. All methods must be called on the channel's event loop.
 */
final class ChunkEmitter {

    /** Told about progress; both callbacks run on the event loop. */
    interface Listener {
        default void chunkWritten(int index) {
        }

        /** Called once: {@code completed} is true when every chunk and the last chunk were written. */
        default void ended(boolean completed) {
        }
    }

    private final ChannelHandlerContext ctx;
    private final int count;
    private final IntFunction<String> chunk;
    private final IntToLongFunction delayNanosBefore;
    private final boolean keepAlive;
    private final Listener listener;
    private int next;
    private boolean ended;
    private boolean paused;
    private Future<?> scheduled;

    /**
     * @param chunk            the text of chunk {@code i}
     * @param delayNanosBefore the delay before chunk {@code i}, from the previous chunk (or start)
     */
    ChunkEmitter(ChannelHandlerContext ctx, int count, IntFunction<String> chunk,
            IntToLongFunction delayNanosBefore, boolean keepAlive, Listener listener) {
        this.ctx = ctx;
        this.count = count;
        this.chunk = chunk;
        this.delayNanosBefore = delayNanosBefore;
        this.keepAlive = keepAlive;
        this.listener = listener;
    }

    void start() {
        scheduleNext();
    }

    void writabilityChanged() {
        if (paused && ctx.channel().isWritable()) {
            paused = false;
            step();
        }
    }

    /** Stops without writing more (the client went away); the listener hears {@code ended(false)}. */
    void cancel() {
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        end(false);
    }

    boolean isPaused() {
        return paused;
    }

    private void scheduleNext() {
        if (next == count) {
            finish();
            return;
        }
        long delay = delayNanosBefore.applyAsLong(next);
        if (delay <= 0) {
            scheduled = null;
            ctx.executor().execute(this::step);
        } else {
            scheduled = ctx.executor().schedule(this::step, delay, TimeUnit.NANOSECONDS);
        }
    }

    private void step() {
        scheduled = null;
        if (ended) {
            return;
        }
        if (!ctx.channel().isWritable()) {
            paused = true;
            return;
        }
        int index = next++;
        ByteBuf content = Unpooled.copiedBuffer(chunk.apply(index), StandardCharsets.UTF_8);
        ctx.writeAndFlush(new DefaultHttpContent(content)).addListener(f -> {
            if (!f.isSuccess()) {
                ctx.close();
            }
        });
        listener.chunkWritten(index);
        scheduleNext();
    }

    private void finish() {
        Responses.closeUnlessKeptAlive(ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT), keepAlive);
        end(true);
    }

    private void end(boolean completed) {
        if (!ended) {
            ended = true;
            listener.ended(completed);
        }
    }
}
