package dev.gatehouse.engine.server;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.TimeUnit;

/**
 * Against slow-request (Slowloris) attacks: once the first byte of a request arrives, its head
 * must be complete within the limit, or the client gets a JSON 408 and the connection closes.
 * Idle keep-alive connections are the idle timeout's business, not this one's.
 *
 * <p>Two handlers share this state: {@link #byteWatcher()} sits before the HTTP decoder and sees
 * raw bytes; this one sits after it and sees decoded heads and body ends.
 */
final class HeaderReadTimeout extends ChannelInboundHandlerAdapter {

    private enum Phase { BETWEEN_REQUESTS, READING_HEAD, READING_BODY }

    private final long timeoutNanos;
    private Phase phase = Phase.BETWEEN_REQUESTS;
    private ScheduledFuture<?> pending;
    private long headStartedNanos;

    HeaderReadTimeout(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    /**
     * The timer starts at the first byte of a head but is only scheduled if the head is still
     * incomplete once that read has been decoded: almost every head arrives in one read, and
     * then no timer is ever scheduled (timers cost as much as the rest of a small request).
     */
    ChannelHandler byteWatcher() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (phase == Phase.BETWEEN_REQUESTS) {
                    phase = Phase.READING_HEAD;
                    headStartedNanos = System.nanoTime();
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelReadComplete(ChannelHandlerContext ctx) {
                if (phase == Phase.READING_HEAD && pending == null) {
                    long left = timeoutNanos - (System.nanoTime() - headStartedNanos);
                    pending = ctx.executor().schedule(() -> expire(ctx), Math.max(0, left), TimeUnit.NANOSECONDS);
                }
                ctx.fireChannelReadComplete();
            }
        };
    }

    /** When the first byte of the latest request head arrived ({@link System#nanoTime()}). */
    long headStartedNanos() {
        return headStartedNanos;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            phase = Phase.READING_BODY;
            cancel();
        }
        if (msg instanceof LastHttpContent) {
            phase = Phase.BETWEEN_REQUESTS;
        }
        ctx.fireChannelRead(msg);
    }

    private void expire(ChannelHandlerContext ctx) {
        pending = null;
        if (phase == Phase.READING_HEAD && ctx.channel().isActive()) {
            // Through the channel, not ctx: the byte watcher's ctx sits before the HTTP encoder.
            ctx.channel().writeAndFlush(ErrorResponses.json(ctx.alloc(), GatewayError.REQUEST_TIMEOUT,
                    "request head not received within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms", null))
               .addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void cancel() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }
}
