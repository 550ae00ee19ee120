package dev.gatehouse.engine.server;

import dev.gatehouse.engine.config.LimitsConfig;
import dev.gatehouse.engine.upstream.UpstreamConnector;
import dev.gatehouse.engine.upstream.UpstreamPool;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import java.util.ArrayList;
import java.util.List;

/**
 * One client request proxied as is: an {@link UpstreamCall} whose response is forwarded to the
 * client chunk by chunk as it arrives, with backpressure, and WebSocket upgrades turned into a
 * tunnel. Lives on the client connection's event loop. Holds the snapshot's pool it started
 * with, so a reload mid-stream changes nothing for it. Once the response head went to the
 * client, failures can only cut the response short.
 */
final class ProxyExchange implements UpstreamCall.Listener, ClientExchange {

    private final ChannelHandlerContext client;
    private final FullHttpRequest request;
    private final ExchangeInfo info;
    private final UpstreamConnector connector;
    private final Runnable onDone;
    private final boolean clientKeepAlive;
    private final boolean upgradeRequested;
    private final UpstreamCall call;
    private final List<Object> earlyTunnelBytes = new ArrayList<>(0);
    private boolean upgrading;
    private boolean done;

    ProxyExchange(ChannelHandlerContext client, FullHttpRequest request, ExchangeInfo info, UpstreamPool pool,
                  LimitsConfig limits, UpstreamConnector connector, DeadlineTimer timer, Runnable onDone) {
        this.client = client;
        this.request = request;
        this.info = info;
        this.connector = connector;
        this.onDone = onDone;
        this.clientKeepAlive = HttpUtil.isKeepAlive(request);
        this.upgradeRequested = Upgrades.isWebSocket(request.headers());
        this.call = new UpstreamCall(client.channel().eventLoop(), request, info.clientIp(), pool, limits,
                connector, timer, this);
    }

    @Override
    public void start() {
        call.start();
    }

    @Override
    public void onHead(HttpResponse response) {
        info.status(response.status().code());
        info.upstream(call.pool().name(), call.endpoint().address(), call.serviceNanos(), call.localAddress());
        if (upgradeRequested && response.status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS)) {
            // Connection and Upgrade must reach the client here: they are the handshake itself.
            upgrading = true;
            client.channel().config().setAutoRead(false);
            response.headers().set(ProxyHeaders.X_REQUEST_ID, info.requestId());
            client.write(response);
            return;
        }
        ProxyHeaders.stripHopByHop(response.headers());
        response.headers().set(ProxyHeaders.X_REQUEST_ID, info.requestId());
        if (!response.headers().contains(HttpHeaderNames.CONTENT_LENGTH) && mayHaveBody(response)) {
            HttpUtil.setTransferEncodingChunked(response, true);
        }
        HttpUtil.setKeepAlive(response, clientKeepAlive);
        client.write(response);
    }

    private boolean mayHaveBody(HttpResponse response) {
        int code = response.status().code();
        return !request.method().equals(HttpMethod.HEAD) && code >= 200 && code != 204 && code != 304;
    }

    @Override
    public void onContent(HttpContent content) {
        if (upgrading) {
            onUpgradeContent(content);
            return;
        }
        info.addBytesSent(content.content().readableBytes());
        if (content instanceof LastHttpContent) {
            client.writeAndFlush(content);
            finish();
            if (!clientKeepAlive) {
                client.channel().writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
            return;
        }
        client.write(content);
        if (!client.channel().isWritable()) {
            // Backpressure: stop reading upstream until the client drains (channelWritabilityChanged).
            // Stop first, then flush: a flush that drains at once fires the writable event right
            // inside it, and only a stop made before that event is undone by it.
            call.pauseReading();
            client.flush();
        }
    }

    @Override
    public void onRawBytes(Object bytes) {
        earlyTunnelBytes.add(bytes);
    }

    /**
     * After a 101: the empty end of the handshake response completes it on the client side; raw
     * bytes the upstream sent right behind it wait for the tunnel. The switch itself runs as its
     * own task, outside the upstream decoder's call stack, since it removes that decoder.
     */
    private void onUpgradeContent(HttpContent content) {
        if (content instanceof LastHttpContent last) {
            client.writeAndFlush(last);
            client.channel().eventLoop().execute(this::switchToTunnel);
        } else {
            earlyTunnelBytes.add(content.content());
        }
    }

    private void switchToTunnel() {
        if (done || call.isOver()) {
            return;
        }
        Channel upstreamChannel = call.detach();
        TunnelRelay toUpstream = new TunnelRelay(upstreamChannel);
        TunnelRelay toClient = new TunnelRelay(client.channel());
        ChannelPipeline pipeline = client.pipeline();
        pipeline.replace("proxy", "tunnel", toUpstream);
        for (String httpHandler : ProxyInitializer.HTTP_HANDLERS) {
            pipeline.remove(httpHandler);
        }
        earlyTunnelBytes.forEach(toClient::hold);
        earlyTunnelBytes.clear();
        connector.detachForTunnel(upstreamChannel, toClient);
        finish();
        toClient.start();
        toUpstream.start();
    }

    @Override
    public void onReadComplete() {
        if (!done) {
            client.flush();
        }
    }

    @Override
    public void clientWritable() {
        call.resumeReading();
    }

    @Override
    public void onFailed(GatewayError error, String message) {
        info.transportFailure(message);
        info.status(error.status().code());
        info.error(error.type());
        var response = ErrorResponses.json(client.alloc(), error, message, info.requestId());
        HttpUtil.setKeepAlive(response, clientKeepAlive);
        info.addBytesSent(response.content().readableBytes());
        var written = client.writeAndFlush(response);
        if (!clientKeepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
        finish();
    }

    @Override
    public void onCutShort() {
        info.transportFailure("the upstream broke off its answer");
        // The head (and maybe part of the body) is out: closing is the only honest signal left.
        client.close();
        finish();
    }

    @Override
    public void clientClosed() {
        if (!done) {
            call.cancel();
            finish();
        }
    }

    private void finish() {
        if (done) {
            return;
        }
        done = true;
        request.release();
        earlyTunnelBytes.forEach(ReferenceCountUtil::release);
        earlyTunnelBytes.clear();
        onDone.run();
    }
}
