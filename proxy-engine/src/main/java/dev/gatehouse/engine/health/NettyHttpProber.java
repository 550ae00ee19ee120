package dev.gatehouse.engine.health;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link Prober} that sends {@code GET path} on a fresh HTTP/1.1 connection and judges the
 * status line alone: 2xx is healthy. One connection per probe keeps it independent of the proxy's
 * pooled connections, so a probe sees what a new connection would.
 */
final class NettyHttpProber implements Prober {

    private final Bootstrap bootstrap;

    NettyHttpProber(EventLoopGroup group, Class<? extends SocketChannel> channelType) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(channelType, "channelType");
        this.bootstrap = new Bootstrap().group(group).channel(channelType);
    }

    @Override
    public CompletableFuture<Boolean> probe(String host, int port, String path, Duration timeout) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        InetSocketAddress address = new InetSocketAddress(host, port); // may block on DNS
        if (address.isUnresolved()) {
            result.complete(false);
            return result;
        }
        int timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        ChannelFuture connect = bootstrap.clone()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMillis)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new StatusHandler(result));
                    }
                })
                .connect(address);
        Channel channel = connect.channel();
        var deadline = channel.eventLoop().schedule(() -> {
            result.complete(false);
            channel.close();
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        result.whenComplete((ok, error) -> deadline.cancel(false));
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                result.complete(false);
                return;
            }
            FullHttpRequest request = new DefaultFullHttpRequest(
                    HttpVersion.HTTP_1_1, HttpMethod.GET, path, Unpooled.EMPTY_BUFFER);
            request.headers()
                    .set(HttpHeaderNames.HOST, host + ":" + port)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                    .set(HttpHeaderNames.USER_AGENT, "gatehouse-health-check");
            channel.writeAndFlush(request).addListener(w -> {
                if (!w.isSuccess()) {
                    result.complete(false);
                    channel.close();
                }
            });
        });
        return result;
    }

    /** Completes the probe on the response's status line, or false if the connection ends first. */
    private static final class StatusHandler extends SimpleChannelInboundHandler<HttpObject> {

        private final CompletableFuture<Boolean> result;

        StatusHandler(CompletableFuture<Boolean> result) {
            this.result = result;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (msg instanceof HttpResponse response) {
                int code = response.status().code();
                result.complete(code >= 200 && code < 300);
                ctx.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            result.complete(false);
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            result.complete(false);
            ctx.close();
        }
    }
}
