package dev.gatehouse.engine.telemetry.backend;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches one metrics page. The future completes with the page's text for a 2xx answer and
 * exceptionally with a {@link ScrapeException} saying what went wrong (status, refused, timeout,
 * too large) otherwise, never later than about {@code timeout}.
 */
@FunctionalInterface
public interface MetricsFetcher {

    CompletableFuture<String> fetch(URI url, Duration timeout);

    /**
     * Fetches over HTTP/1.1 with Netty clients of {@code channelType} on {@code group}. Resolves host
     * names on the calling thread, so call it from a thread that may block briefly.
     */
    static MetricsFetcher http(EventLoopGroup group, Class<? extends SocketChannel> channelType) {
        return new NettyMetricsFetcher(group, channelType);
    }
}
