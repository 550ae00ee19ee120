package dev.gatehouse.engine.admin.rest;

import dev.gatehouse.engine.admin.ControlException;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Collects a request's body up to {@code maxBytes}; a larger one is answered with a JSON 413 and
 * the connection closed, since the rest of the body would still be on its way.
 */
final class BodyTooLarge extends HttpObjectAggregator {

    private final int maxBytes;
    private final AdminResponses responses;

    BodyTooLarge(int maxBytes, AdminResponses responses) {
        super(maxBytes);
        this.maxBytes = maxBytes;
        this.responses = responses;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        FullHttpResponse response = responses.error(new ControlException(
                ControlException.Kind.TOO_LARGE, "the request body is larger than " + maxBytes + " bytes"));
        HttpUtil.setKeepAlive(response, false);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
