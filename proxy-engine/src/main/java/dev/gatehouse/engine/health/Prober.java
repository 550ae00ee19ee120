package dev.gatehouse.engine.health;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one active health probe. The future completes with true for a 2xx answer within
 * {@code timeout} and with false for anything else (other status, refused, reset, timeout); it
 * never completes exceptionally and never later than about {@code timeout}.
 */
@FunctionalInterface
public interface Prober {

    CompletableFuture<Boolean> probe(String host, int port, String path, Duration timeout);

    /**
     * {@code GET path} over HTTP/1.1 with Netty clients of {@code channelType} on {@code group}
     * (for example {@code EpollSocketChannel} on an epoll group). Resolves host names on the
     * calling thread, so call it from a thread that may block briefly, not from an event loop;
     * {@link ActiveHealthChecker} calls it from its scheduler.
     */
    static Prober http(EventLoopGroup group, Class<? extends SocketChannel> channelType) {
        return new NettyHttpProber(group, channelType);
    }

    /** As {@link #http(EventLoopGroup, Class)} on an NIO group. */
    static Prober http(EventLoopGroup group) {
        if (!(group instanceof IoEventLoopGroup io && io.isIoType(NioIoHandler.class))) {
            throw new IllegalArgumentException(
                    "not an NIO event loop group; pass the channel type for it: " + group);
        }
        return http(group, NioSocketChannel.class);
    }
}
