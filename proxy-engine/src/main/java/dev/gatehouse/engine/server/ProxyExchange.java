package dev.gatehouse.engine.server;

import dev.gatehouse.engine.balance.PickContext;
import dev.gatehouse.engine.config.LimitsConfig;
import dev.gatehouse.engine.upstream.Endpoint;
import dev.gatehouse.engine.upstream.UpstreamConnector;
import dev.gatehouse.engine.upstream.UpstreamListener;
import dev.gatehouse.engine.upstream.UpstreamPool;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;

import java.util.ArrayList;
import java.util.List;

/**
 * One client request carried to an upstream and its response carried back, chunk by chunk.
 * Lives on the client connection's event loop; every method runs there. Holds the snapshot's
 * pool it started with, so a reload mid-stream changes nothing for it.
 *
 * <p>Retries: a connect failure moves to another endpoint (nothing was sent); a pooled
 * connection that turns out closed before any response byte is retried once on a fresh one.
 * Once the response head went to the client, failures can only cut the response short.
 */
final class ProxyExchange implements UpstreamListener {

    private static final int MAX_ENDPOINT_ATTEMPTS = 3;

    private final ChannelHandlerContext client;
    private final FullHttpRequest request;
    private final ExchangeInfo info;
    private final UpstreamPool pool;
    private final LimitsConfig limits;
    private final UpstreamConnector connector;
    private final Runnable onDone;
    private final boolean clientKeepAlive;
    private final List<Endpoint> tried = new ArrayList<>(MAX_ENDPOINT_ATTEMPTS);

    private Endpoint endpoint;
    private Channel upstream;
    private boolean endpointCounted;
    private boolean staleRetryUsed;
    private boolean responseStarted;
    private boolean upstreamKeepAlive;
    private boolean upgrading;
    private final boolean upgradeRequested;
    private final List<Object> earlyTunnelBytes = new ArrayList<>(0);
    private boolean done;
    private long sentAtNanos;
    private final DeadlineTimer timer;
    private final Runnable timedOut = this::timedOut;

    ProxyExchange(ChannelHandlerContext client, FullHttpRequest request, ExchangeInfo info, UpstreamPool pool,
                  LimitsConfig limits, UpstreamConnector connector, DeadlineTimer timer, Runnable onDone) {
        this.client = client;
        this.request = request;
        this.info = info;
        this.pool = pool;
        this.limits = limits;
        this.connector = connector;
        this.timer = timer;
        this.onDone = onDone;
        this.clientKeepAlive = HttpUtil.isKeepAlive(request);
        this.upgradeRequested = Upgrades.isWebSocket(request.headers());
    }

    void start() {
        attemptNextEndpoint();
    }

    private void attemptNextEndpoint() {
        Endpoint picked = pickUntried();
        if (picked == null) {
            if (tried.isEmpty()) {
                fail(GatewayError.NO_HEALTHY_UPSTREAM, "no healthy endpoint in pool \"" + pool.name() + "\"");
            } else {
                fail(GatewayError.UPSTREAM_CONNECT_FAILED, "could not connect to any endpoint of pool \""
                        + pool.name() + "\" (tried " + tried.size() + ")");
            }
            return;
        }
        tried.add(picked);
        endpoint = picked;
        endpoint.requestStarted();
        endpointCounted = true;
        connectAndSend(false);
    }

    private Endpoint pickUntried() {
        PickContext context = pool.hashes()
                ? PickContext.hashedOn(HashKeys.keyFor(pool.hashOn(), request.headers(), info.clientIp()))
                : PickContext.NONE;
        for (int i = 0; i < MAX_ENDPOINT_ATTEMPTS * 2 && tried.size() < MAX_ENDPOINT_ATTEMPTS; i++) {
            Endpoint candidate = pool.pick(context);
            if (candidate == null) {
                return null;
            }
            if (!tried.contains(candidate) && candidate.health().tryAcquire()) {
                return candidate;
            }
        }
        return null;
    }

    private void connectAndSend(boolean fresh) {
        Future<Channel> acquired =
                connector.acquire(client.channel().eventLoop(), endpoint, this, limits, fresh);
        acquired.addListener(f -> {
            if (done) {
                if (f.isSuccess()) {
                    ((Channel) f.getNow()).close();
                }
                return;
            }
            if (!f.isSuccess()) {
                endpointFailed();
                releaseEndpoint();
                attemptNextEndpoint();
                return;
            }
            upstream = (Channel) f.getNow();
            send();
        });
    }

    private void send() {
        request.headers().set(HttpHeaderNames.HOST, endpoint.address());
        sentAtNanos = System.nanoTime();
        armTimeout();
        upstream.writeAndFlush(outgoing()).addListener((ChannelFutureListener) written -> {
            if (!written.isSuccess() && !done && upstream == written.channel()) {
                onConnectionLost(written.cause());
            }
        });
    }

    /**
     * The request as sent on one attempt: its own view of the body (the write consumes it, and a
     * retry must send it again) but the same header object, which nothing downstream changes.
     */
    private FullHttpRequest outgoing() {
        return new DefaultFullHttpRequest(request.protocolVersion(), request.method(), request.uri(),
                request.content().retainedDuplicate(), request.headers(), request.trailingHeaders());
    }

    /** The upstream timeout guards the wait for the head and every pause between body chunks. */
    private void armTimeout() {
        timer.arm(System.nanoTime() + limits.upstreamTimeout().toNanos(), timedOut);
    }

    private void timedOut() {
        if (done) {
            return;
        }
        endpointFailed();
        if (responseStarted) {
            abortBoth();
        } else {
            closeUpstream();
            fail(GatewayError.UPSTREAM_TIMEOUT, "upstream " + endpoint.address() + " of pool \"" + pool.name()
                    + "\" did not answer within " + limits.upstreamTimeout().toMillis() + " ms");
        }
    }

    @Override
    public void onResponseHead(HttpResponse response) {
        if (done) {
            ReferenceCountUtil.release(response);
            return;
        }
        responseStarted = true;
        armTimeout();
        info.status(response.status().code());
        if (upgradeRequested && response.status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS)) {
            // Connection and Upgrade must reach the client here: they are the handshake itself.
            upgrading = true;
            client.channel().config().setAutoRead(false);
            response.headers().set(ProxyHeaders.X_REQUEST_ID, info.requestId());
            client.write(response);
            return;
        }
        upstreamKeepAlive = HttpUtil.isKeepAlive(response);
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
    public void onContent(Object content) {
        if (done || !responseStarted) {
            ReferenceCountUtil.release(content);
            return;
        }
        if (upgrading) {
            onUpgradeContent(content);
            return;
        }
        if (content instanceof HttpContent chunk) {
            info.addBytesSent(chunk.content().readableBytes());
        }
        armTimeout();
        if (content instanceof LastHttpContent) {
            client.writeAndFlush(content);
            complete();
            return;
        }
        client.write(content);
        if (!client.channel().isWritable()) {
            // Backpressure: stop reading upstream until the client drains (channelWritabilityChanged).
            // Stop first, then flush: a flush that drains at once fires the writable event right
            // inside it, and only a stop made before that event is undone by it.
            upstream.config().setAutoRead(false);
            client.flush();
        }
    }

    /**
     * After a 101: the empty end of the handshake response completes it on the client side; raw
     * bytes the upstream sent right behind it wait for the tunnel. The switch itself runs as its
     * own task, outside the upstream decoder's call stack, since it removes that decoder.
     */
    private void onUpgradeContent(Object content) {
        if (content instanceof LastHttpContent last) {
            client.writeAndFlush(last);
            client.channel().eventLoop().execute(this::switchToTunnel);
        } else {
            earlyTunnelBytes.add(content instanceof HttpContent chunk ? chunk.content() : content);
        }
    }

    private void switchToTunnel() {
        if (done || upstream == null) {
            earlyTunnelBytes.forEach(ReferenceCountUtil::release);
            return;
        }
        Channel upstreamChannel = upstream;
        upstream = null;
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
        endpoint.health().onSuccess(System.nanoTime() - sentAtNanos);
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

    /** The client can take more: read from upstream again. */
    void clientWritable() {
        if (!done && upstream != null) {
            upstream.config().setAutoRead(true);
        }
    }

    @Override
    public void onConnectionLost(Throwable cause) {
        if (done) {
            return;
        }
        cancelTimeout();
        if (!responseStarted) {
            Channel lost = upstream;
            upstream = null;
            if (lost != null && Boolean.TRUE.equals(lost.attr(UpstreamConnector.REUSED).get()) && !staleRetryUsed) {
                // The pooled connection had been closed by the upstream while idle: not its fault.
                staleRetryUsed = true;
                connectAndSend(true);
                return;
            }
            endpointFailed();
            fail(GatewayError.UPSTREAM_RESET, "upstream " + endpoint.address() + " of pool \"" + pool.name()
                    + "\" closed the connection before answering");
        } else {
            endpointFailed();
            upstream = null;
            abortBoth();
        }
    }

    /** The client went away: stop the upstream work (an LLM generation costs GPU time). */
    void clientClosed() {
        if (done) {
            return;
        }
        closeUpstream();
        finish();
    }

    private void complete() {
        long latency = System.nanoTime() - sentAtNanos;
        endpoint.latency().record(latency);
        if (info.status() >= 500) {
            endpoint.health().onFailure();
        } else {
            endpoint.health().onSuccess(latency);
        }
        Channel finished = upstream;
        upstream = null;
        if (upstreamKeepAlive) {
            connector.release(finished, endpoint);
        } else {
            finished.close();
        }
        finish();
        if (!clientKeepAlive) {
            client.channel().writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void fail(GatewayError error, String message) {
        info.status(error.status().code());
        info.error(error.type());
        var response = ErrorResponses.json(client.alloc(), error, message, info.requestId());
        HttpUtil.setKeepAlive(response, clientKeepAlive);
        var written = client.writeAndFlush(response);
        if (!clientKeepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
        finish();
    }

    private void endpointFailed() {
        if (endpoint != null) {
            endpoint.health().onFailure();
        }
    }

    private void abortBoth() {
        closeUpstream();
        client.close();
        finish();
    }

    private void closeUpstream() {
        if (upstream != null) {
            connector.discard(upstream);
            upstream = null;
        }
    }

    /** Ends this exchange's share of the current endpoint's in-flight count. */
    private void releaseEndpoint() {
        if (endpointCounted) {
            endpoint.requestFinished();
            endpointCounted = false;
        }
    }

    private void cancelTimeout() {
        timer.disarm();
    }

    private void finish() {
        if (done) {
            return;
        }
        done = true;
        cancelTimeout();
        releaseEndpoint();
        request.release();
        earlyTunnelBytes.forEach(ReferenceCountUtil::release);
        earlyTunnelBytes.clear();
        onDone.run();
    }
}
