package dev.gatehouse.engine.sim.cloud;

import static java.util.Objects.requireNonNull;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Huawei Cloud's IAM, VPC, ECS/IMS and ModelArts APIs on one loopback port, with the real paths
 * and JSON shapes and realistic behaviour: expiring tokens, peerings pending until accepted, ECS
 * jobs that take time and fail past the quota, throttled host-endpoint lookups, and a service
 * whose host endpoints are whatever {@link #setHostEndpoints} says (the demo's LLM backends).
 * Credentials are those of {@link DemoAccount}.
 */
public final class CloudSimulator implements AutoCloseable {

    private static final int MAX_REQUEST_BYTES = 1024 * 1024;

    private final CloudSimOptions options;
    private final CloudSimState state;
    private final ChannelGroup channels = new DefaultChannelGroup("cloud-sim", GlobalEventExecutor.INSTANCE);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private EventLoopGroup group;
    private Channel serverChannel;

    public CloudSimulator(CloudSimOptions options) {
        this.options = requireNonNull(options, "options");
        this.state = new CloudSimState(options);
    }

    /** Binds and returns once the port is open. */
    public synchronized CloudSimulator start() {
        if (serverChannel != null) {
            throw new IllegalStateException("already started");
        }
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("cloud-sim", true), NioIoHandler.newFactory());
        CloudSimRouter router = new CloudSimRouter(state);
        try {
            serverChannel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            channels.add(ch);
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_REQUEST_BYTES),
                                    new CloudSimHandler(router, CloudSimulator.this));
                        }
                    })
                    .bind(options.host(), options.port()).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        }
        return this;
    }

    public int port() {
        if (serverChannel == null) {
            throw new IllegalStateException("not started");
        }
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** {@code http://host:port}: every service's endpoint ({@code CloudEndpoints.allAt}). */
    public URI baseUrl() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return URI.create("http://" + host + ":" + port());
    }

    public CloudSimOptions options() {
        return options;
    }

    /** What the ModelArts service's host-endpoint lookup answers from now on. */
    public void setHostEndpoints(List<SimHostEndpoint> endpoints) {
        state.setHostEndpoints(endpoints);
    }

    /** Requests answered so far, and how many of them with 429. */
    public long requests() {
        return requests.get();
    }

    public long throttledRequests() {
        return throttled.get();
    }

    /** Host-endpoint lookups answered (not throttled) so far. */
    public long hostEndpointLookups() {
        return state.hostEndpointLookups();
    }

    /** Routes added through {@code POST /v2.0/vpc/routes}, as destination CIDRs. */
    public List<String> routeDestinations() {
        synchronized (state) {
            return state.routes.stream().map(r -> r.get("destination")).toList();
        }
    }

    void count(int status) {
        requests.incrementAndGet();
        if (status == 429) {
            throttled.incrementAndGet();
        }
    }

    @Override
    public synchronized void close() {
        if (serverChannel == null) {
            return;
        }
        serverChannel.close().syncUninterruptibly();
        channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        serverChannel = null;
    }
}
