package dev.gatehouse.engine.sim.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Reads one HTTP request, lets the {@link CloudSimRouter} answer it (in memory, quick) and writes JSON. */
final class CloudSimHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final CloudSimRouter router;
    private final CloudSimulator simulator;

    CloudSimHandler(CloudSimRouter router, CloudSimulator simulator) {
        this.router = router;
        this.simulator = simulator;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        byte[] raw = ByteBufUtil.getBytes(request.content());
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        SimResponse response;
        JsonNode body = MissingNode.getInstance();
        try {
            if (raw.length > 0) {
                body = SimResponse.JSON.readTree(raw);
            }
            response = router.handle(new SimRequest(request.method().name(), URI.create(request.uri()), headers, raw, body));
        } catch (IOException | IllegalArgumentException e) {
            response = SimResponse.error(400, "Common.0400", "the request could not be read: " + e.getMessage());
        }
        simulator.count(response.status());
        byte[] out = response.body().toString().getBytes(StandardCharsets.UTF_8);
        FullHttpResponse reply = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(out));
        reply.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .set(HttpHeaderNames.CONTENT_LENGTH, out.length)
                .set("X-Request-Id", UUID.randomUUID().toString().replace("-", ""));
        response.headers().forEach(reply.headers()::set);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(reply, keepAlive);
        var written = ctx.writeAndFlush(reply);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
