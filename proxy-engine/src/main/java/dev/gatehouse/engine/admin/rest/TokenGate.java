package dev.gatehouse.engine.admin.rest;

import dev.gatehouse.engine.admin.ControlException;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;

/**
 * Checks the bearer token on a request's head, before its body is collected: a caller without the
 * token gets its 401 at once and the connection closed, so it cannot make the server buffer bodies.
 * Also closes a connection gone idle (see the {@link IdleStateHandler} in front of it).
 */
final class TokenGate extends ChannelInboundHandlerAdapter {

    private final BearerToken token;
    private final AdminResponses responses;
    private boolean refused;

    TokenGate(BearerToken token, AdminResponses responses) {
        this.token = token;
        this.responses = responses;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg); // the rest of a refused request's body
            return;
        }
        if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()
                && !token.admits(request.headers().get(HttpHeaderNames.AUTHORIZATION))) {
            refused = true;
            ReferenceCountUtil.release(msg);
            FullHttpResponse response = responses.error(new ControlException(ControlException.Kind.UNAUTHORIZED,
                    "missing or wrong admin token: send Authorization: Bearer <the token in admin.token>"));
            HttpUtil.setKeepAlive(response, false);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(event);
    }
}
