package dev.gatehouse.engine.server;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Collects a request body up to the configured limit (12 MB by default, seed 000). A request
 * over it gets a JSON 413 at once, without reading the rest, and the connection closes.
 */
final class BodyLimitAggregator extends HttpObjectAggregator {

    private final int maxBytes;

    BodyLimitAggregator(int maxBytes) {
        super(maxBytes);
        this.maxBytes = maxBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        String requestId = RequestIds.requestId(oversized.headers().get(ProxyHeaders.X_REQUEST_ID));
        String what = oversized instanceof HttpRequest request ? request.method() + " " + request.uri() : "request";
        FullHttpResponse response = ErrorResponses.json(ctx.alloc(), GatewayError.PAYLOAD_TOO_LARGE,
                what + ": body exceeds the limit of " + maxBytes + " bytes", requestId);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
