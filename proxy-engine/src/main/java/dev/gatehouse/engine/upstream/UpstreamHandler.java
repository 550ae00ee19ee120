package dev.gatehouse.engine.upstream;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.Attribute;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;

/**
 * The last handler of an upstream connection: hands what it reads to the exchange that owns the
 * connection, and closes the connection when it idles in the pool or talks out of turn.
 */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {

    static final AttributeKey<UpstreamListener> OWNER = AttributeKey.valueOf("gatehouse.upstream.owner");

    /** The channel's OWNER attribute, looked up once: reads check it twice per socket read. */
    private Attribute<UpstreamListener> ownerAttribute;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        ownerAttribute = ctx.channel().attr(OWNER);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        UpstreamListener owner = ownerAttribute.get();
        if (owner == null) {
            // Bytes on an idle pooled connection: the upstream broke the protocol. Drop it.
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        if (msg instanceof DecoderResultProvider decoded && decoded.decoderResult().isFailure()) {
            // Not HTTP we can forward, in the head or mid-body (the decoder then emits a failed *last*
            // content, which must not pass for a clean end): a lost connection, never pooled again.
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        if (msg instanceof HttpResponse response) {
            owner.onResponseHead(response);
        } else {
            owner.onContent(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        UpstreamListener owner = ownerAttribute.get();
        if (owner != null) {
            owner.onReadComplete();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        UpstreamListener owner = ownerAttribute.getAndSet(null);
        if (owner != null) {
            owner.onConnectionLost(null);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        UpstreamListener owner = ownerAttribute.getAndSet(null);
        ctx.close();
        if (owner != null) {
            owner.onConnectionLost(cause);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        // Idle events only close connections resting in the pool; an owned connection's
        // timeouts are the exchange's business (it knows whether a stream is expected to pause).
        if (evt instanceof IdleStateEvent && ownerAttribute.get() == null) {
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }
}
