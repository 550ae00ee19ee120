package dev.gatehouse.engine.upstream;

import dev.gatehouse.engine.config.LimitsConfig;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;

import javax.net.ssl.SSLParameters;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keep-alive connections to upstream endpoints, pooled per event loop: a client connection's
 * exchange only ever uses connections of its own event loop, so the pool needs no locks and an
 * upstream read lands on the thread that writes to the client.
 */
public final class UpstreamConnector {

    /** Set on connections that were taken from the pool rather than freshly opened. */
    public static final AttributeKey<Boolean> REUSED = AttributeKey.valueOf("gatehouse.upstream.reused");

    private static final int MAX_IDLE_PER_ENDPOINT = 256;

    private final Class<? extends Channel> channelClass;
    private final AddressResolverGroup<InetSocketAddress> resolver;
    private final ChannelGroup opened;
    private final FastThreadLocal<Map<String, ArrayDeque<Channel>>> idle = new FastThreadLocal<>() {
        @Override
        protected Map<String, ArrayDeque<Channel>> initialValue() {
            return new HashMap<>();
        }
    };

    /**
     * {@code resolver} turns endpoint host names into addresses without blocking the event loop;
     * every connection opened joins {@code opened}, which its owner closes before the event loops stop.
     */
    public UpstreamConnector(Class<? extends Channel> channelClass, AddressResolverGroup<InetSocketAddress> resolver,
                             ChannelGroup opened) {
        this.channelClass = channelClass;
        this.resolver = resolver;
        this.opened = opened;
    }

    /**
     * A connection to {@code endpoint} on {@code loop}, owned by {@code owner} once the future
     * succeeds: a pooled one unless {@code fresh}. Must be called on {@code loop}.
     */
    public Future<Channel> acquire(EventLoop loop, Endpoint endpoint, UpstreamListener owner,
                                   LimitsConfig limits, boolean fresh) {
        Promise<Channel> promise = loop.newPromise();
        ArrayDeque<Channel> idleChannels = fresh ? null : idle.get().get(endpoint.address());
        while (idleChannels != null && !idleChannels.isEmpty()) {
            Channel channel = idleChannels.pollFirst();
            if (channel.isActive()) {
                channel.attr(REUSED).set(Boolean.TRUE);
                channel.attr(UpstreamHandler.OWNER).set(owner);
                return promise.setSuccess(channel);
            }
        }
        connect(loop, endpoint, limits).addListener((ChannelFuture connected) -> {
            if (connected.isSuccess()) {
                Channel channel = connected.channel();
                channel.attr(REUSED).set(Boolean.FALSE);
                channel.attr(UpstreamHandler.OWNER).set(owner);
                promise.setSuccess(channel);
            } else {
                promise.setFailure(connected.cause());
            }
        });
        return promise;
    }

    /** Opens a connection that is never pooled (protocol upgrades). */
    public ChannelFuture connect(EventLoop loop, Endpoint endpoint, LimitsConfig limits) {
        long idleMillis = limits.upstreamIdleTimeout().toMillis();
        ChannelFuture connecting = new Bootstrap()
                .group(loop)
                .channel(channelClass)
                .resolver(resolver)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) limits.connectTimeout().toMillis())
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (endpoint.tls() != null) {
                            // SNI and hostname verification both need the endpoint's host name.
                            SslHandler tls = endpoint.tls().context().newHandler(ch.alloc(), endpoint.host(), endpoint.port());
                            SSLParameters parameters = tls.engine().getSSLParameters();
                            parameters.setEndpointIdentificationAlgorithm("HTTPS");
                            tls.engine().setSSLParameters(parameters);
                            ch.pipeline().addLast("tls", tls);
                        }
                        ch.pipeline()
                                .addLast("http", new HttpClientCodec())
                                // Reader idle only: an all-idle check hooks a listener onto every write.
                                .addLast("idle", new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS))
                                .addLast("upstream", new UpstreamHandler());
                    }
                })
                .connect(endpoint.host(), endpoint.port());
        opened.add(connecting.channel());
        String address = endpoint.address();
        // Runs on the connection's own event loop, so idle.get() is that loop's pool.
        connecting.channel().closeFuture().addListener(f -> {
            ArrayDeque<Channel> idleChannels = idle.get().get(address);
            if (idleChannels != null) {
                idleChannels.remove(connecting.channel());
            }
        });
        return connecting;
    }

    /**
     * Turns a connection that answered 101 Switching Protocols into a raw byte pipe: from now on
     * {@code relay} gets the bytes it reads (any already decoded first), and it is never pooled.
     */
    public void detachForTunnel(Channel channel, ChannelHandler relay) {
        channel.attr(UpstreamHandler.OWNER).set(null);
        channel.pipeline().replace("upstream", "relay", relay);
        channel.pipeline().remove("idle");
        channel.pipeline().remove("http");
    }

    /** Closes a connection whose exchange was abandoned; what it still reads is dropped. */
    public void discard(Channel channel) {
        channel.attr(UpstreamHandler.OWNER).set(null);
        channel.close();
    }

    /**
     * Returns a connection whose exchange completed cleanly to its event loop's pool. Must be
     * called on the connection's event loop.
     */
    public void release(Channel channel, Endpoint endpoint) {
        channel.attr(UpstreamHandler.OWNER).set(null);
        if (!channel.isActive()) {
            return;
        }
        channel.config().setAutoRead(true);
        ArrayDeque<Channel> idleChannels = idle.get().computeIfAbsent(endpoint.address(), k -> new ArrayDeque<>());
        if (idleChannels.size() >= MAX_IDLE_PER_ENDPOINT) {
            channel.close();
            return;
        }
        // Most recently used first: warm connections are reused, cold ones idle out.
        idleChannels.addFirst(channel);
    }
}
