package dev.gatehouse.engine.server;

import dev.gatehouse.engine.config.LimitsConfig;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;

import java.util.concurrent.TimeUnit;

/** The client connection's pipeline, with the limits of the snapshot current when it connected. */
final class ProxyInitializer extends ChannelInitializer<SocketChannel> {

    /** The HTTP handlers a connection sheds when it becomes a WebSocket tunnel, in removal order. */
    static final java.util.List<String> HTTP_HANDLERS = java.util.List.of("head-timer", "http", "head-timeout", "idle", "body");

    private final ProxyRuntime runtime;
    private final ChannelGroup clients;

    ProxyInitializer(ProxyRuntime runtime, ChannelGroup clients) {
        this.runtime = runtime;
        this.clients = clients;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        clients.add(channel);
        runtime.activity().connectionOpened();
        channel.closeFuture().addListener(closed -> runtime.activity().connectionClosed());
        LimitsConfig limits = runtime.snapshot().config().limits();
        HttpDecoderConfig decoder = new HttpDecoderConfig()
                .setMaxInitialLineLength(limits.maxInitialLineBytes())
                .setMaxHeaderSize(limits.maxHeaderBytes())
                .setMaxChunkSize(64 * 1024);
        HeaderReadTimeout headerTimeout = new HeaderReadTimeout(limits.headerReadTimeout().toNanos());
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("head-timer", headerTimeout.byteWatcher());
        pipeline.addLast("http", new HttpServerCodec(decoder));
        pipeline.addLast("head-timeout", headerTimeout);
        // Reader idle only: an all-idle check hooks a listener onto every write.
        pipeline.addLast("idle", new IdleStateHandler(limits.clientIdleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        pipeline.addLast("body", new BodyLimitAggregator((int) Math.min(Integer.MAX_VALUE, limits.maxBodyBytes())));
        pipeline.addLast("proxy", new ProxyHandler(runtime));
    }
}
