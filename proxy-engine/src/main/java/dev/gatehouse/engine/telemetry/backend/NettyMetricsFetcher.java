package dev.gatehouse.engine.telemetry.backend;

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
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

import javax.net.ssl.SSLException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link MetricsFetcher} over Netty on the engine's event loops: {@code GET} on a fresh HTTP/1.1
 * connection (HTTPS trusting the JVM's CAs), the whole body aggregated up to
 * {@link #MAX_PAGE_BYTES}. Resolves the host name on the calling thread, so call it from a thread
 * that may block briefly, not from an event loop.
 */
final class NettyMetricsFetcher implements MetricsFetcher {

    /** A DCGM page for 8 GPUs with every field is about 200 KB; 8 MiB is far beyond any real page. */
    static final int MAX_PAGE_BYTES = 8 * 1024 * 1024;

    private final Bootstrap bootstrap;
    private volatile SslContext ssl;

    NettyMetricsFetcher(EventLoopGroup group, Class<? extends SocketChannel> channelType) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(channelType, "channelType");
        this.bootstrap = new Bootstrap().group(group).channel(channelType);
    }

    @Override
    public CompletableFuture<String> fetch(URI url, Duration timeout) {
        CompletableFuture<String> result = new CompletableFuture<>();
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        if (!https && !"http".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            return CompletableFuture.failedFuture(new ScrapeException("not an http(s) URL: " + url));
        }
        int port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
        InetSocketAddress address = new InetSocketAddress(url.getHost(), port); // may block on DNS
        if (address.isUnresolved()) {
            return CompletableFuture.failedFuture(new ScrapeException("unknown host " + url.getHost()));
        }
        SslContext sslContext;
        try {
            sslContext = https ? sslContext() : null;
        } catch (SSLException e) {
            return CompletableFuture.failedFuture(new ScrapeException("TLS unavailable: " + e.getMessage()));
        }
        long timeoutMillis = Math.max(1, timeout.toMillis());
        ChannelFuture connect = bootstrap.clone()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (sslContext != null) {
                            ch.pipeline().addLast(sslContext.newHandler(ch.alloc(), url.getHost(), port));
                        }
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpContentDecompressor(),
                                new HttpObjectAggregator(MAX_PAGE_BYTES), new PageHandler(result));
                    }
                })
                .connect(address);
        Channel channel = connect.channel();
        var deadline = channel.eventLoop().schedule(() -> {
            result.completeExceptionally(new ScrapeException("no answer within " + timeoutMillis + " ms"));
            channel.close();
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        result.whenComplete((page, error) -> deadline.cancel(false));
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(new ScrapeException("cannot connect to " + address.getHostString()
                        + ":" + port + ": " + describe(f.cause())));
                return;
            }
            String target = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            if (url.getRawQuery() != null) {
                target += "?" + url.getRawQuery();
            }
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target,
                    Unpooled.EMPTY_BUFFER);
            request.headers()
                    .set(HttpHeaderNames.HOST, url.getPort() > 0 ? url.getHost() + ":" + port : url.getHost())
                    .set(HttpHeaderNames.ACCEPT, "text/plain;version=0.0.4;q=1,*/*;q=0.1")
                    .set(HttpHeaderNames.ACCEPT_ENCODING, HttpHeaderValues.GZIP)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                    .set(HttpHeaderNames.USER_AGENT, "gatehouse-metrics-scraper");
            channel.writeAndFlush(request).addListener(w -> {
                if (!w.isSuccess()) {
                    result.completeExceptionally(new ScrapeException("cannot send the request: " + describe(w.cause())));
                    channel.close();
                }
            });
        });
        return result;
    }

    private SslContext sslContext() throws SSLException {
        SslContext context = ssl;
        if (context == null) {
            context = SslContextBuilder.forClient().build();
            ssl = context;
        }
        return context;
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    /** Completes the fetch with the aggregated page, or with why there is none. */
    private static final class PageHandler extends SimpleChannelInboundHandler<FullHttpResponse> {

        private final CompletableFuture<String> result;

        PageHandler(CompletableFuture<String> result) {
            this.result = result;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            int code = response.status().code();
            if (code >= 200 && code < 300) {
                result.complete(response.content().toString(StandardCharsets.UTF_8));
            } else {
                // The standard reason phrase: some servers send none or their own.
                result.completeExceptionally(new ScrapeException("HTTP " + HttpResponseStatus.valueOf(code)));
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            result.completeExceptionally(new ScrapeException("connection closed before a complete answer"));
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            String why = cause instanceof TooLongFrameException
                    ? "page larger than " + MAX_PAGE_BYTES + " bytes"
                    : describe(cause);
            result.completeExceptionally(new ScrapeException(why));
            ctx.close();
        }
    }
}
