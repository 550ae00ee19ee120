package dev.gatehouse.engine.server;

import dev.gatehouse.engine.balance.PickContext;
import dev.gatehouse.engine.config.LimitsConfig;
import dev.gatehouse.engine.upstream.Endpoint;
import dev.gatehouse.engine.upstream.UpstreamConnector;
import dev.gatehouse.engine.upstream.UpstreamListener;
import dev.gatehouse.engine.upstream.UpstreamPool;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * One request sent to one pool and its response received: picks an endpoint, takes a pooled
 * connection on the caller's event loop, sends, times the wait, and hands what comes back to a
 * {@link Listener}. Keeps the endpoint's books: in-flight count, latency, health outcome.
 * Whoever started it decides what the response becomes (forwarded as is, translated, or
 * abandoned for a fallback); every method runs on the event loop it was started on.
 *
 * <p>Retries: a connect failure moves to another endpoint (nothing was sent); a pooled
 * connection that turns out closed before any response byte is retried once on a fresh one.
 */
final class UpstreamCall implements UpstreamListener {

    /** What happens to the call, in order: one head, then contents up to the last; or one failure. */
    interface Listener {
        void onHead(HttpResponse head);

        /** A piece of the body; the last one is a {@link LastHttpContent}, after which the call is over. */
        void onContent(HttpContent content);

        /** Bytes that follow a 101 Switching Protocols head before {@link #detach()}. */
        default void onRawBytes(Object bytes) {
            ReferenceCountUtil.release(bytes);
        }

        /** The end of one socket read: a good moment to flush what was passed on. */
        void onReadComplete();

        /** Nothing usable came back: {@code error} says why. The call is over. */
        void onFailed(GatewayError error, String message);

        /** The response broke off after its head. The call is over. */
        void onCutShort();
    }

    private static final int MAX_ENDPOINT_ATTEMPTS = 3;

    private final EventLoop loop;
    private final FullHttpRequest request;
    private final String clientIp;
    private String consumer;
    private final UpstreamPool pool;
    private final LimitsConfig limits;
    private final UpstreamConnector connector;
    private final DeadlineTimer timer;
    private final Listener listener;
    private final List<Endpoint> tried = new ArrayList<>(MAX_ENDPOINT_ATTEMPTS);
    private final Runnable timedOut = this::timedOut;

    private Endpoint endpoint;
    private Channel upstream;
    private boolean endpointCounted;
    private boolean staleRetryUsed;
    private boolean headReceived;
    private boolean keepAlive;
    private boolean switchingProtocols;
    private boolean over;
    private int status;
    private long sentAtNanos;
    private long headNanos;
    private long timeoutNanos;

    /** {@code request} stays the caller's: each attempt sends its own view of it. */
    UpstreamCall(EventLoop loop, FullHttpRequest request, String clientIp, UpstreamPool pool, LimitsConfig limits,
                 UpstreamConnector connector, DeadlineTimer timer, Listener listener) {
        this.loop = loop;
        this.request = request;
        this.clientIp = clientIp;
        this.pool = pool;
        this.limits = limits;
        this.connector = connector;
        this.timer = timer;
        this.listener = listener;
        this.timeoutNanos = limits.upstreamTimeout().toNanos();
    }

    void start() {
        attemptNextEndpoint();
    }

    /** The authenticated consumer, for pools that hash on it. */
    UpstreamCall consumer(String name) {
        this.consumer = name;
        return this;
    }

    UpstreamPool pool() { return pool; }
    Endpoint endpoint() { return endpoint; }
    /** Nanoseconds from sending the request to its response head; -1 before the head. */
    long serviceNanos() { return headNanos == 0 ? -1 : headNanos - sentAtNanos; }
    boolean isOver() { return over; }

    /** The gateway's side of the upstream connection as {@code ip:port}, null without one. */
    String localAddress() {
        return upstream != null && upstream.localAddress() instanceof InetSocketAddress local
                ? local.getAddress().getHostAddress() + ":" + local.getPort() : null;
    }

    /** Waits of more than {@code nanos} for the head, or between two body pieces, fail the call from now on. */
    void timeout(long nanos) {
        timeoutNanos = nanos;
        if (!over && upstream != null) {
            armTimeout();
        }
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
                ? PickContext.hashedOn(HashKeys.keyFor(pool.hashOn(), request.headers(), clientIp, consumer))
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
        Future<Channel> acquired = connector.acquire(loop, endpoint, this, limits, fresh);
        acquired.addListener(f -> {
            if (over) {
                if (f.isSuccess()) {
                    connector.discard((Channel) f.getNow());
                }
                return;
            }
            if (!f.isSuccess()) {
                endpoint.health().onFailure();
                releaseEndpoint();
                attemptNextEndpoint();
                return;
            }
            upstream = (Channel) f.getNow();
            send();
        });
    }

    private void send() {
        request.headers().set(HttpHeaderNames.HOST, endpoint.hostHeader());
        sentAtNanos = System.nanoTime();
        armTimeout();
        upstream.writeAndFlush(outgoing()).addListener((ChannelFutureListener) written -> {
            if (!written.isSuccess() && !over && upstream == written.channel()) {
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

    private void armTimeout() {
        timer.arm(System.nanoTime() + timeoutNanos, timedOut);
    }

    private void timedOut() {
        if (over) {
            return;
        }
        endpoint.health().onFailure();
        closeUpstream();
        if (headReceived) {
            end();
            listener.onCutShort();
        } else {
            fail(GatewayError.UPSTREAM_TIMEOUT, "upstream " + endpoint.address() + " of pool \"" + pool.name()
                    + "\" did not answer within " + timeoutNanos / 1_000_000 + " ms");
        }
    }

    @Override
    public void onResponseHead(HttpResponse response) {
        if (over) {
            ReferenceCountUtil.release(response);
            return;
        }
        headReceived = true;
        headNanos = System.nanoTime();
        status = response.status().code();
        // After 101 the connection speaks another protocol: its "last content" ends nothing.
        switchingProtocols = status == 101;
        keepAlive = HttpUtil.isKeepAlive(response);
        armTimeout();
        listener.onHead(response);
    }

    @Override
    public void onContent(Object content) {
        if (over || !headReceived) {
            ReferenceCountUtil.release(content);
            return;
        }
        if (!(content instanceof HttpContent piece)) {
            // Raw bytes after a 101, before the connection is detached: still the listener's.
            listener.onRawBytes(content);
            return;
        }
        if (piece instanceof LastHttpContent && !switchingProtocols) {
            complete();
        } else {
            armTimeout();
        }
        listener.onContent(piece);
    }

    @Override
    public void onReadComplete() {
        if (!over) {
            listener.onReadComplete();
        }
    }

    /** Backpressure: stop reading the upstream until {@link #resumeReading()}. */
    void pauseReading() {
        if (upstream != null) {
            upstream.config().setAutoRead(false);
        }
    }

    void resumeReading() {
        if (!over && upstream != null) {
            upstream.config().setAutoRead(true);
        }
    }

    @Override
    public void onConnectionLost(Throwable cause) {
        if (over) {
            return;
        }
        Channel lost = upstream;
        upstream = null;
        if (!headReceived && lost != null && !staleRetryUsed
                && Boolean.TRUE.equals(lost.attr(UpstreamConnector.REUSED).get())) {
            // The pooled connection had been closed by the upstream while idle: not its fault.
            staleRetryUsed = true;
            connectAndSend(true);
            return;
        }
        endpoint.health().onFailure();
        if (headReceived) {
            end();
            listener.onCutShort();
        } else {
            fail(GatewayError.UPSTREAM_RESET, "upstream " + endpoint.address() + " of pool \"" + pool.name()
                    + "\" closed the connection before answering");
        }
    }

    /**
     * Stops the call without a verdict on the endpoint: the client went away, or the caller
     * abandons this response for another (a fallback). The connection is closed, not pooled,
     * since the rest of the response would still arrive on it.
     */
    void cancel() {
        if (!over) {
            closeUpstream();
            end();
        }
    }

    /**
     * Hands the connection over, for a protocol upgrade: the call is over and the connection is
     * no longer pooled or timed.
     */
    Channel detach() {
        Channel detached = upstream;
        upstream = null;
        endpoint.health().onSuccess(System.nanoTime() - sentAtNanos);
        end();
        return detached;
    }

    private void complete() {
        long latency = System.nanoTime() - sentAtNanos;
        endpoint.latency().record(latency);
        if (status >= 500) {
            endpoint.health().onFailure();
        } else {
            endpoint.health().onSuccess(latency);
        }
        Channel finished = upstream;
        upstream = null;
        if (keepAlive) {
            connector.release(finished, endpoint);
        } else {
            finished.close();
        }
        end();
    }

    private void fail(GatewayError error, String message) {
        end();
        listener.onFailed(error, message);
    }

    private void closeUpstream() {
        if (upstream != null) {
            connector.discard(upstream);
            upstream = null;
        }
    }

    private void releaseEndpoint() {
        if (endpointCounted) {
            endpoint.requestFinished();
            endpointCounted = false;
        }
    }

    private void end() {
        over = true;
        timer.disarm();
        releaseEndpoint();
    }
}
