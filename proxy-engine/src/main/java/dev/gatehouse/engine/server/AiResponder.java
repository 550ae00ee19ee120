package dev.gatehouse.engine.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * What an AI request sends its client: a JSON answer, a gateway error, or an event stream written
 * piece by piece. Knows whether anything went out yet ({@link #started()}), which is the line
 * after which a fallback is no longer possible. Confined to the client's event loop.
 */
final class AiResponder {

    private final ChannelHandlerContext client;
    private final ExchangeInfo info;
    private final boolean keepAlive;
    private boolean started;

    AiResponder(ChannelHandlerContext client, ExchangeInfo info, boolean keepAlive) {
        this.client = client;
        this.info = info;
        this.keepAlive = keepAlive;
    }

    boolean started() {
        return started;
    }

    void startStream() {
        started = true;
        info.status(200);
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                .set(ProxyHeaders.X_REQUEST_ID, info.requestId());
        HttpUtil.setTransferEncodingChunked(head, true);
        HttpUtil.setKeepAlive(head, keepAlive);
        client.write(head);
    }

    /** Writes stream bytes; false when the client cannot take more for now (backpressure). */
    boolean write(byte[] bytes) {
        info.addBytesSent(bytes.length);
        client.write(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes)));
        return client.channel().isWritable();
    }

    void flush() {
        client.flush();
    }

    void endStream() {
        closeUnlessKeptAlive(client.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
    }

    /** A whole JSON answer; {@code retryAfter} (seconds as sent by an upstream) may be null. */
    void json(HttpResponseStatus status, byte[] bytes, String retryAfter) {
        started = true;
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length)
                .set(ProxyHeaders.X_REQUEST_ID, info.requestId());
        if (retryAfter != null) {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, retryAfter);
        }
        HttpUtil.setKeepAlive(response, keepAlive);
        info.addBytesSent(bytes.length);
        closeUnlessKeptAlive(client.writeAndFlush(response));
    }

    /**
     * An error the gateway answers itself, with {@code Retry-After} when waiting helps. After
     * part of a stream went out there is no way to say it: the connection is closed instead.
     */
    void error(GatewayError error, String message, long retryAfterMillis) {
        if (started) {
            client.close();
            return;
        }
        started = true;
        info.status(error.status().code());
        info.error(error.type());
        FullHttpResponse response = ErrorResponses.json(client.alloc(), error, message, info.requestId());
        if (retryAfterMillis > 0) {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, Long.toString((retryAfterMillis + 999) / 1000));
        }
        HttpUtil.setKeepAlive(response, keepAlive);
        info.addBytesSent(response.content().readableBytes());
        closeUnlessKeptAlive(client.writeAndFlush(response));
    }

    /** A stream that broke off: closing is the only honest signal left. */
    void cutShort() {
        client.close();
    }

    private void closeUnlessKeptAlive(ChannelFuture written) {
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
