package dev.gatehouse.engine.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Building and writing the simulator's HTTP responses: JSON bodies, OpenAI-style errors, streams. */
final class Responses {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Responses() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** An OpenAI-style error body: {@code {"error":{"message","type","param","code"}}}. */
    static ObjectNode errorBody(String message, String type, String code) {
        ObjectNode body = object();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.putNull("param");
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        return body;
    }

    static byte[] bytes(Object json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise simulator JSON", e);
        }
    }

    static ChannelFuture json(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, Object body) {
        return full(ctx, keepAlive, status, "application/json", Unpooled.wrappedBuffer(bytes(body)));
    }

    static ChannelFuture error(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status,
            String message, String type, String code) {
        return json(ctx, keepAlive, status, errorBody(message, type, code));
    }

    static ChannelFuture text(ChannelHandlerContext ctx, boolean keepAlive, String contentType, String body) {
        ByteBuf content = Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
        return full(ctx, keepAlive, HttpResponseStatus.OK, contentType, content);
    }

    /** Writes a complete response and closes the connection afterwards unless it is kept alive. */
    static ChannelFuture full(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status,
            String contentType, ByteBuf content) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        HttpUtil.setContentLength(response, content.readableBytes());
        HttpUtil.setKeepAlive(response, keepAlive);
        return closeUnlessKeptAlive(ctx.writeAndFlush(response), keepAlive);
    }

    /** The head of a chunked (streamed) response; the body follows as separate HTTP chunks. */
    static HttpResponse chunkedHead(String contentType, boolean keepAlive) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        head.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
        HttpUtil.setTransferEncodingChunked(head, true);
        HttpUtil.setKeepAlive(head, keepAlive);
        return head;
    }

    static ChannelFuture closeUnlessKeptAlive(ChannelFuture lastWrite, boolean keepAlive) {
        if (!keepAlive) {
            lastWrite.addListener(ChannelFutureListener.CLOSE);
        }
        return lastWrite;
    }
}
