package dev.gatehouse.engine.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ReflectiveChannelFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringDatagramChannel;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.DnsServerAddressStreamProviders;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;

/**
 * The socket transport: native io_uring or epoll on Linux when they load, Java NIO everywhere
 * else. {@code -Dgatehouse.transport=io_uring|epoll|nio} (or the environment variable
 * {@code GATEHOUSE_TRANSPORT}) picks one, for example to compare them; without it the default
 * order applies. The datagram channel is for DNS queries: upstream host names are resolved on the
 * event loop without blocking it ({@link #newResolver}).
 */
public record Transport(String name, IoHandlerFactory ioHandlers, Class<? extends ServerChannel> serverChannel,
                        Class<? extends SocketChannel> clientChannel, Class<? extends DatagramChannel> datagramChannel) {

    /** The system property that picks the transport by name. */
    public static final String PROPERTY = "gatehouse.transport";
    /** The environment variable that picks it when the property is not set. */
    public static final String ENVIRONMENT = "GATEHOUSE_TRANSPORT";

    /**
     * The transport the property or environment names, else the first of the default order that
     * loads here. A named transport that cannot load is an error, not a quiet fallback: whoever
     * named it (a benchmark comparing two) must not measure another one unawares.
     */
    public static Transport best() {
        String named = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        return named == null || named.isBlank() ? firstAvailable() : named(named.strip());
    }

    public static Transport named(String name) {
        return switch (name) {
            case "io_uring" -> {
                requireAvailable(name, IoUring.isAvailable(), IoUring.unavailabilityCause());
                yield ioUring();
            }
            case "epoll" -> {
                requireAvailable(name, Epoll.isAvailable(), Epoll.unavailabilityCause());
                yield epoll();
            }
            case "nio" -> nio();
            default -> throw new IllegalArgumentException(
                    PROPERTY + ": no transport named \"" + name + "\" (io_uring, epoll or nio)");
        };
    }

    /**
     * io_uring first: on 2 cores behind the same origin and load it served about a fifth more
     * requests per second than epoll at about a quarter less CPU per request, with the same
     * latency and SSE chunk delays ({@code bench/transport.sh}). Epoll where the kernel or a
     * seccomp profile refuses io_uring, NIO off Linux.
     */
    private static Transport firstAvailable() {
        if (IoUring.isAvailable()) {
            return ioUring();
        }
        if (Epoll.isAvailable()) {
            return epoll();
        }
        return nio();
    }

    private static void requireAvailable(String name, boolean available, Throwable cause) {
        if (!available) {
            throw new IllegalStateException(PROPERTY + ": " + name + " does not load here: " + cause, cause);
        }
    }

    /** The transport whose event loops {@code group} runs (NIO, epoll or io_uring). */
    public static Transport of(EventLoopGroup group) {
        if (group instanceof IoEventLoopGroup io) {
            if (io.isIoType(NioIoHandler.class)) {
                return nio();
            }
            if (io.isIoType(EpollIoHandler.class)) {
                return epoll();
            }
            if (io.isIoType(IoUringIoHandler.class)) {
                return ioUring();
            }
        }
        throw new IllegalArgumentException("not an NIO, epoll or io_uring event loop group: " + group);
    }

    public static Transport ioUring() {
        return new Transport("io_uring", IoUringIoHandler.newFactory(), IoUringServerSocketChannel.class,
                IoUringSocketChannel.class, IoUringDatagramChannel.class);
    }

    public static Transport epoll() {
        return new Transport("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class,
                EpollSocketChannel.class, EpollDatagramChannel.class);
    }

    public static Transport nio() {
        return new Transport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class, NioSocketChannel.class,
                NioDatagramChannel.class);
    }

    /**
     * An asynchronous DNS resolver for client connections (the hosts file first, then the system's
     * name servers, answers cached for their TTL); IP addresses are used as they are. Its sockets
     * join {@code opened}, to be closed before the client channels' event loops stop; close the
     * resolver with them.
     */
    public AddressResolverGroup<InetSocketAddress> newResolver(ChannelGroup opened) {
        return new DnsAddressResolverGroup(new DnsNameResolverBuilder()
                .datagramChannelFactory(joining(datagramChannel, opened))
                .socketChannelFactory(joining(clientChannel, opened))
                .nameServerProvider(DnsServerAddressStreamProviders.platformDefault()));
    }

    private static <C extends Channel> ChannelFactory<C> joining(Class<C> type, ChannelGroup opened) {
        ChannelFactory<C> reflective = new ReflectiveChannelFactory<>(type);
        return () -> {
            C channel = reflective.newChannel();
            opened.add(channel);
            return channel;
        };
    }

    public EventLoopGroup newGroup(int threads, String threadName) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(threadName, true), ioHandlers);
    }
}
